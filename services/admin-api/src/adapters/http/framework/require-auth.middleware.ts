import type { RequestHandler } from 'express';
import type { AdminUser } from '../../../domain/admin-user';
import type { Role } from '../../../domain/role';
import { requestContext } from './request-context.middleware';

/** The authenticate use case, bound to its dependencies. */
export type Authenticate = (token: string | undefined, allowedRoles: readonly Role[]) => Promise<AdminUser>;

/** `requireAuth()` lets any signed-in user through; `requireAuth('admin')` only admins (403 for others). */
export type RequireAuth = (...allowedRoles: Role[]) => RequestHandler;

const BEARER = /^Bearer +([\w-]+\.[\w-]+\.[\w-]+)$/i;

/** The token of an `Authorization: Bearer <jwt>` header; undefined for a missing header or any other shape. */
export function parseBearer(header: string | undefined): string | undefined {
  return header ? BEARER.exec(header.trim())?.[1] : undefined;
}

export function createRequireAuth(authenticate: Authenticate): RequireAuth {
  return (...allowedRoles) =>
    async (req, _res, next) => {
      const context = requestContext(req);
      context.user = await authenticate(parseBearer(req.get('authorization')), allowedRoles);
      context.log = context.log.child({ userId: context.user.id });
      next();
    };
}
