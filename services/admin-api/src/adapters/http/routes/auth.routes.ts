import { currentUserResponseSchema, loginRequestSchema, loginResponseSchema, updateCurrentUserBodySchema } from './auth.schema';
import { jsonRoute, type Route } from './route-builders';
import { presentUser } from './user.schema';
import { ANY_ROLE } from './access';

export const authRoutes: Route[] = [
  jsonRoute({
    method: 'post',
    path: '/api/admin/auth/login',
    summary: 'Exchange email and password for a short-lived bearer token',
    tag: 'auth',
    access: { public: true },
    errors: ['invalid_credentials', 'too_many_requests'],
    request: { body: loginRequestSchema },
    response: { status: 200, description: 'signed in', schema: loginResponseSchema },
    async handle({ body }, { deps, origin, log }) {
      const result = await deps.login({ email: body.email, password: body.password, ...origin });
      log.info({ userId: result.user.id, role: result.user.role }, 'admin logged in');
      return { token: result.token, expires_at: result.expiresAt.toISOString(), user: presentUser(result.user) };
    },
  }),
  jsonRoute({
    method: 'get',
    path: '/api/admin/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    access: ANY_ROLE,
    response: { status: 200, description: 'the user the token belongs to', schema: currentUserResponseSchema },
    handle: async (_input, ctx) => ({ user: presentUser(ctx.user()) }),
  }),
  jsonRoute({
    method: 'patch',
    path: '/api/admin/auth/me',
    summary: 'Set or clear the display name students and colleagues see for the signed-in user',
    tag: 'auth',
    access: ANY_ROLE,
    request: { body: updateCurrentUserBodySchema },
    response: { status: 200, description: 'the user as it is now', schema: currentUserResponseSchema },
    async handle({ body }, ctx) {
      const me = ctx.user();
      const user = await ctx.deps.updateUser({ actor: me, origin: ctx.origin, id: me.id, change: { displayName: body.display_name } });
      ctx.log.info({ targetUserId: user.id, changed: ['display_name'] }, 'user updated');
      return { user: presentUser(user) };
    },
  }),
];
