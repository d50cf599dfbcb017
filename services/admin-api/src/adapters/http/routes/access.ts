// Who may call a route (its `access`), named once for every route module.
export const ANY_ROLE = { roles: ['admin', 'agent'] } as const;
export const ADMIN_ONLY = { roles: ['admin'] } as const;
