export const ROLES = ['admin', 'agent'] as const;
export type Role = (typeof ROLES)[number];
