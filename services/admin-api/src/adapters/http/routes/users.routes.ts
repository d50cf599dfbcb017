import { jsonRoute, type Route } from './route-builders';
import {
  createUserBodySchema,
  presentManagedUser,
  updateUserBodySchema,
  userIdParamsSchema,
  userListSchema,
  userResponseSchema,
} from './users.schema';
import { ADMIN_ONLY } from './access';

export const userRoutes: Route[] = [
  jsonRoute({
    method: 'get',
    path: '/api/admin/users',
    summary: 'Every console account',
    tag: 'users',
    access: ADMIN_ONLY,
    response: { status: 200, description: 'oldest first', schema: userListSchema },
    handle: async (_input, ctx) => ({ items: (await ctx.deps.listUsers()).map(presentManagedUser) }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/users',
    summary: 'Create an admin or agent account',
    tag: 'users',
    access: ADMIN_ONLY,
    errors: ['email_taken'],
    request: { body: createUserBodySchema },
    response: { status: 201, description: 'created', schema: userResponseSchema },
    async handle({ body: { display_name, ...account } }, ctx) {
      const user = await ctx.deps.createUser({ actor: ctx.user(), origin: ctx.origin, ...account, displayName: display_name });
      ctx.log.info({ targetUserId: user.id, role: user.role }, 'user created');
      return { user: presentManagedUser(user) };
    },
  }),
  jsonRoute({
    method: 'patch',
    path: '/api/admin/users/{id}',
    summary: 'Disable or re-enable an account, change its role or display name, or reset its password',
    tag: 'users',
    access: ADMIN_ONLY,
    errors: ['not_found', 'last_admin'],
    request: { params: userIdParamsSchema, body: updateUserBodySchema },
    response: { status: 200, description: 'the account as it is now', schema: userResponseSchema },
    async handle({ params, body }, ctx) {
      const { display_name, ...change } = body;
      const user = await ctx.deps.updateUser({
        actor: ctx.user(),
        origin: ctx.origin,
        id: params.id,
        change: { ...change, displayName: display_name },
      });
      ctx.log.info({ targetUserId: user.id, changed: Object.keys(body) }, 'user updated');
      return { user: presentManagedUser(user) };
    },
  }),
];
