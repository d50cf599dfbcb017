import type { Logger } from '@app/logging';
import { opsRouter, type ReadinessCheck } from '@app/runtime';
import express, { type Express, type RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import type { AdminUser } from '../../../domain/admin-user';
import { createConnectionDrainer } from './connection-drainer';
import { consoleRouter } from './console-static';
import { errorMiddleware, notFoundHandler } from './error.middleware';
import { httpMetricsMiddleware } from './metrics.middleware';
import { requestContextMiddleware } from './request-context.middleware';
import { createRequireAuth, type Authenticate } from './require-auth.middleware';
import type { Route } from './route';
import { routeRouter } from './route-router';

export interface HttpAppDeps<D> {
  log: Logger;
  registry: Registry;
  checks: ReadinessCheck[];
  routes: readonly Route<D>[];
  authenticate: Authenticate;
  redeemEventsTicket(ticket: string): Promise<AdminUser>;
  /** What route handlers get as `ctx.deps`. */
  routeDeps: D;
  /** The built admin console to serve at `/`, or null when there is none. */
  consoleDir: string | null;
}

// API answers carry tokens and personal data: no browser or proxy may keep a copy.
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  next();
};

export interface HttpApp {
  app: Express;
  /** Readiness turns 503 and connections close after their answer: call before closing the server. */
  beginShutdown(): void;
}

export function createHttpApp<D>({
  log,
  registry,
  checks,
  routes,
  authenticate,
  redeemEventsTicket,
  routeDeps,
  consoleDir,
}: HttpAppDeps<D>): HttpApp {
  const drainer = createConnectionDrainer();
  const app = express();
  app.disable('x-powered-by');
  // Behind an ingress the client's address is in X-Forwarded-For; trust it only from private networks.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(drainer.middleware, requestContextMiddleware(log), httpMetricsMiddleware(registry));
  app.use(opsRouter({ checks, registry, isShuttingDown: drainer.isDraining }));
  app.use('/api', noStore, express.json({ limit: '100kb' }));
  app.use(routeRouter({ routes, requireAuth: createRequireAuth(authenticate), redeemEventsTicket, routeDeps }));
  // After the API: no console file can shadow a route, and /api paths never fall back to index.html.
  if (consoleDir) app.use(consoleRouter(consoleDir));
  app.use(notFoundHandler);
  app.use(errorMiddleware(log));
  return { app, beginShutdown: drainer.drain };
}
