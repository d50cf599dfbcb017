import { randomUUID } from 'node:crypto';
import type { Logger } from '@app/logging';
import type { Request, RequestHandler } from 'express';
import type { AdminUser } from '../../../domain/admin-user';
import { routeLabel } from './route-label';

export interface RequestContext {
  /** Also the correlationId of whatever this request causes elsewhere. */
  correlationId: string;
  log: Logger;
  /** Set by requireAuth. */
  user?: AdminUser;
}

// Keyed by the request object itself: typed, and gone with the request (res.locals is `any`).
const contexts = new WeakMap<Request, RequestContext>();

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** An ingress's or caller's x-request-id ties our logs to theirs; anything odd-looking is replaced, not echoed. */
export function acceptRequestId(header: string | undefined, generate: () => string = randomUUID): string {
  return header && REQUEST_ID_PATTERN.test(header) ? header : generate();
}

export function requestContextMiddleware(log: Logger): RequestHandler {
  return (req, res, next) => {
    const correlationId = acceptRequestId(req.get('x-request-id'));
    const context: RequestContext = { correlationId, log: log.child({ correlationId }) };
    contexts.set(req, context);
    res.setHeader('x-request-id', correlationId);
    const started = performance.now();
    res.once('close', () => {
      const route = routeLabel(req);
      const fields = { method: req.method, route, status: res.statusCode, durationMs: Math.round(performance.now() - started) };
      // Probes arrive every few seconds from every kubelet; they would drown the lines that matter.
      if (QUIET_ROUTES.has(route)) context.log.debug(fields, 'request completed');
      else context.log.info(fields, 'request completed');
    });
    next();
  };
}

export function requestContext(req: Request): RequestContext {
  const context = contexts.get(req);
  if (!context) throw new Error('requestContextMiddleware must run before this handler');
  return context;
}

export function currentUser(req: Request): AdminUser {
  const { user } = requestContext(req);
  if (!user) throw new Error('requireAuth must run before this handler');
  return user;
}
