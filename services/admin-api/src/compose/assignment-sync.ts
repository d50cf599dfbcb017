import { randomUUID } from 'node:crypto';
import { topology, type EngineEvent } from '@app/contracts';
import type { Kysely } from '@app/db';
import type { Logger } from '@app/logging';
import type { NatsConnection } from '@app/messaging';
import { listUsers } from '../db/repositories/admin-user.repository';
import { insertAuditEntryOnce } from '../db/repositories/audit-event.repository';
import type { Database } from '../db/database';
import type { SseHub } from '../adapters/http/framework/sse-hub';
import { createEngineClient } from '../adapters/nats/engine-client';
import type { AdminApiConfig } from '../config';
import { auditAssignmentChange } from '../use-cases/audit-assignment-change';
import { reportPresence } from '../use-cases/report-presence';

/**
 * Assignment's background duties on each admin-api replica (issue 14): report which users have a console
 * open here to the engine every PRESENCE_REPORT_INTERVAL_MS (config; presence: the engine keeps them online for a
 * minute), and audit the engine's own assignment changes from its events, once across replicas.
 */
export function startAssignmentSync(deps: {
  config: AdminApiConfig;
  db: Kysely<Database>;
  nc: NatsConnection;
  hub: Pick<SseHub, 'connectedUserIds'>;
  log: Logger;
}) {
  const { config, db, nc, hub, log } = deps;
  const engine = createEngineClient({ nc, topology: topology(config.NAMESPACE), timeoutMs: config.ENGINE_RPC_TIMEOUT_MS, log });
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = reportPresence(
      {
        connectedUserIds: hub.connectedUserIds,
        findUsers: async (ids) => (await listUsers(db)).filter((u) => ids.includes(u.id)),
        engine,
      },
      `presence-${randomUUID()}`,
    ).catch((error: unknown) => log.warn({ err: error }, 'presence not reported; the next report will'));
  }, config.PRESENCE_REPORT_INTERVAL_MS);
  timer.unref();
  const audit = {
    recordOnce: (key: string, entry: Parameters<typeof insertAuditEntryOnce>[2]) => insertAuditEntryOnce(db, key, entry),
    failed: (error: unknown, entry: unknown) => log.error({ err: error, entry }, 'audit entry not written'),
  };
  return {
    onEvent(event: EngineEvent) {
      if (event.event === 'assignment.changed') void auditAssignmentChange(audit, event);
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
