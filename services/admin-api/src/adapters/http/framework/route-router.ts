import express, { type RequestHandler, type Router } from 'express';
import type { AdminUser } from '../../../domain/admin-user';
import { truncateUserAgent } from '../../../domain/audit';
import { AppError } from '../../../domain/errors';
import type { Role } from '../../../domain/role';
import { currentUser, requestContext } from './request-context.middleware';
import type { RequireAuth } from './require-auth.middleware';
import { expressPath, type Route } from './route';

export interface RouteRouterDeps<D> {
  routes: readonly Route<D>[];
  requireAuth: RequireAuth;
  redeemEventsTicket(ticket: string): Promise<AdminUser>;
  routeDeps: D;
}

/** `?ticket=` when there is one (EventSource), the bearer header otherwise. See events.routes.ts. */
function ticketOrBearer<D>(roles: readonly Role[], deps: RouteRouterDeps<D>): RequestHandler {
  const bearer = deps.requireAuth(...roles);
  return async (req, res, next) => {
    const ticket: unknown = req.query.ticket;
    if (typeof ticket !== 'string' || ticket === '') return bearer(req, res, next);
    const user = await deps.redeemEventsTicket(ticket);
    if (!roles.includes(user.role)) throw new AppError('forbidden', 'your role may not do this');
    const context = requestContext(req);
    context.user = user;
    context.log = context.log.child({ userId: user.id });
    next();
  };
}

function guardOf<D>(route: Route<D>, deps: RouteRouterDeps<D>): RequestHandler[] {
  if ('public' in route.access) return [];
  if (route.access.ticket) return [ticketOrBearer(route.access.roles, deps)];
  return [deps.requireAuth(...route.access.roles)];
}

/** The express router of the route table: authorization first, then the route parses, handles and answers. */
export function routeRouter<D>(deps: RouteRouterDeps<D>): Router {
  const router = express.Router();
  for (const route of deps.routes) {
    router[route.method](expressPath(route.path), ...guardOf(route, deps), async (req, res) => {
      const { correlationId, log } = requestContext(req);
      await route.run(req, res, {
        deps: deps.routeDeps,
        correlationId,
        log,
        origin: { ip: req.ip ?? null, userAgent: truncateUserAgent(req.get('user-agent')) },
        user: () => currentUser(req),
      });
    });
  }
  return router;
}
