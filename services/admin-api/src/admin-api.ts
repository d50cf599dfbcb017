import { redisSettings } from '@app/config';
import { topology } from '@app/contracts';
import { createDb, pingDb, type Kysely } from '@app/db';
import type { Logger } from '@app/logging';
import { connectNats, pingNats } from '@app/messaging';
import { closeRedis, createLifecycle, createMetricsRegistry, listen, type Lifecycle, type RunningService } from '@app/runtime';
import { createArgon2PasswordHasher, type PasswordHasher } from './adapters/auth/argon2-passwords';
import { createJwtTokens } from './adapters/auth/jwt-tokens';
import * as users from './db/repositories/admin-user.repository';
import { exclusiveBootstrap } from './db/repositories/bootstrap.store';
import type { Database } from './db/database';
import { adminApiSchema } from './db/schema-name';
import { createHttpApp } from './adapters/http/framework/app';
import { consoleBuilt } from './adapters/http/framework/console-static';
import { ROUTES } from './adapters/http/routes/route-table';
import { createSseHub } from './adapters/http/framework/sse-hub';
import { subscribeEngineEvents } from './adapters/nats/engine-events.subscriber';
import { connectRedis, pingRedis } from './adapters/redis/redis-client';
import { composeHttpDeps } from './compose/http-deps';
import { startAssignmentSync } from './compose/assignment-sync';
import type { AdminApiConfig } from './config';
import { ensureBootstrapAdmin } from './use-cases/ensure-bootstrap-admin';

export interface RunningAdminApi extends RunningService {
  port: number;
  url: string;
}

async function bootstrapAdmin(config: AdminApiConfig, db: Kysely<Database>, passwords: PasswordHasher, log: Logger) {
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) return;
  const outcome = await ensureBootstrapAdmin(
    {
      adminExists: () => users.adminExists(db),
      hashPassword: passwords.hash,
      exclusively: exclusiveBootstrap(db),
    },
    { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD, displayName: config.ADMIN_DISPLAY_NAME },
  );
  if (outcome.status === 'created') log.info({ userId: outcome.user.id, email: outcome.user.email }, 'bootstrap admin created');
  else if (outcome.status === 'email_taken')
    log.warn({ email: config.ADMIN_EMAIL }, 'bootstrap admin not created: ADMIN_EMAIL belongs to a non-admin user');
  else log.debug('bootstrap admin not needed: an admin exists');
}

/** Starts admin-api in this process (main.ts, and tests on port 0). Migrations are a separate step. */
export function startAdminApi(config: AdminApiConfig, log: Logger, lifecycle: Lifecycle = createLifecycle(log)): Promise<RunningAdminApi> {
  lifecycle.setDrainMs(config.SHUTDOWN_DRAIN_MS);
  return lifecycle.boot(() => openAdminApi(config, log, lifecycle));
}

// Close steps are registered as each resource opens and run in reverse, when stopping and when a later
// start step fails: event streams, the listener (in-flight requests finish), then NATS, Redis, Postgres.
async function openAdminApi(config: AdminApiConfig, log: Logger, lifecycle: Lifecycle): Promise<RunningAdminApi> {
  const db = createDb<Database>({
    url: config.DATABASE_URL,
    schema: adminApiSchema(config.NAMESPACE),
    applicationName: 'admin-api',
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    log,
  });
  lifecycle.onClose('postgres', () => db.destroy());
  const redis = await connectRedis(redisSettings(config), log);
  lifecycle.onClose('redis', () => closeRedis(redis));
  const nc = await connectNats(config.NATS_URL, 'admin-api', log);
  // drain(): the events subscription stops, and what is in flight is delivered before the socket closes.
  lifecycle.onClose('nats', () => nc.drain());

  const passwords = await createArgon2PasswordHasher();
  const tokens = createJwtTokens({ secret: config.JWT_SECRET, ttlSeconds: config.JWT_TTL_SECONDS });
  await bootstrapAdmin(config, db, passwords, log);

  const hub = createSseHub({
    heartbeatMs: config.SSE_HEARTBEAT_MS,
    retryMs: 3_000,
    isAllowed: (userIds) => users.findEnabledUserIds(db, userIds),
    log,
  });
  // Presence reports and the audit of the engine's own assignments; stops before NATS and Postgres close.
  const assignment = startAssignmentSync({ config, db, nc, hub, log });
  lifecycle.onClose('assignment sync', () => assignment.stop());
  subscribeEngineEvents({
    nc,
    topology: topology(config.NAMESPACE),
    log,
    onEvent: (event) => {
      hub.broadcast(event);
      assignment.onEvent(event);
    },
  });
  // The server has the subscription before this replica reports itself started: no event falls in between.
  await nc.flush();

  const consoleDir = consoleBuilt(config.ADMIN_CONSOLE_DIR) ? config.ADMIN_CONSOLE_DIR : null;
  if (!consoleDir) log.warn({ dir: config.ADMIN_CONSOLE_DIR }, 'admin console not served: no index.html there (npm run build)');
  const http = createHttpApp({
    log,
    consoleDir,
    registry: createMetricsRegistry('admin-api'),
    checks: [
      { name: 'postgres', check: () => pingDb(db) },
      { name: 'nats', check: () => pingNats(nc) },
      { name: 'redis', check: () => pingRedis(redis) },
    ],
    routes: ROUTES,
    ...composeHttpDeps({ config, log, db, redis, nc, passwords, tokens, events: hub }),
  });
  // From the drain on, readiness is 503 and every answer says `Connection: close`: clients move elsewhere.
  lifecycle.onDrain(http.beginShutdown);
  const server = await listen(http.app, config.ADMIN_API_PORT);
  // In-flight requests finish (they still need the clients); event streams never would, so they end first.
  lifecycle.onClose('http', () => server.close(5_000));
  lifecycle.onClose('event streams', () => hub.close());
  log.info({ port: server.port, url: server.url }, 'admin-api listening');

  return { port: server.port, url: server.url, stop: lifecycle.stop };
}
