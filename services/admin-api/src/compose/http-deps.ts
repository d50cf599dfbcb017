import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from '@app/db';
import type { Logger } from '@app/logging';
import type { NatsConnection } from '@app/messaging';
import { topology } from '@app/contracts';
import { createMediaStore } from '@app/media-store';
import type { Redis } from 'ioredis';
import type { PasswordHasher } from '../adapters/auth/argon2-passwords';
import type { TokenService } from '../adapters/auth/jwt-tokens';
import * as users from '../db/repositories/admin-user.repository';
import { insertAuditEntry, listAuditEntries } from '../db/repositories/audit-log.repository';
import type { Database } from '../db/database';
import { userTransaction } from '../db/repositories/user.store';
import { EVENTS_TICKET_TTL_SECONDS } from '../adapters/http/routes/events.routes';
import { buildOpenApiDocument } from '../adapters/http/framework/openapi';
import { openApiDocumentSchema } from '../adapters/http/routes/openapi.schema';
import type { Authenticate } from '../adapters/http/framework/require-auth.middleware';
import type { RouteDeps } from '../adapters/http/routes/route-deps';
import { ROUTES } from '../adapters/http/routes/route-table';
import type { EventStreams } from '../adapters/http/framework/sse-hub';
import { createEngineClient } from '../adapters/nats/engine-client';
import { createSenderClient } from '../adapters/nats/sender-client';
import { redisTicketStore } from '../adapters/redis/events-ticket.store';
import { createLoginThrottle } from '../adapters/redis/login-throttle';
import { redisKeyPrefix } from '../adapters/redis/redis-client';
import type { AdminUser } from '../domain/admin-user';
import type { AdminApiConfig } from '../config';
import { authenticate } from '../use-cases/authenticate';
import { createUser } from '../use-cases/create-user';
import { issueEventsTicket } from '../use-cases/issue-events-ticket';
import { login } from '../use-cases/login';
import { openMedia } from '../use-cases/open-media';
import { runParkedEventCommand } from '../use-cases/parked-event-command';
import { redeemEventsTicket } from '../use-cases/redeem-events-ticket';
import { resumeSending } from '../use-cases/resume-sending';
import { retryDeadLetter } from '../use-cases/retry-dead-letter';
import { runChatCommand } from '../use-cases/run-chat-command';
import { sendChatMessage } from '../use-cases/send-chat-message';
import { indicateTyping } from '../use-cases/indicate-typing';
import { sendTemplate } from '../use-cases/send-template';
import { updateUser } from '../use-cases/update-user';
import { composeAgentTools } from './agent-tools';
import { composeOfficeHours } from './office-hours';
import { runAssignmentCommand } from '../use-cases/run-assignment-command';
import { composeStudentData } from './student-data';
import { composeInsight } from './insight';
import { composePrivacy } from './privacy';

export interface Clients {
  config: AdminApiConfig;
  log: Logger;
  db: Kysely<Database>;
  redis: Redis;
  nc: NatsConnection;
  passwords: PasswordHasher;
  tokens: TokenService;
  events: EventStreams;
}

export interface HttpDeps {
  routeDeps: RouteDeps;
  authenticate: Authenticate;
  redeemEventsTicket(ticket: string): Promise<AdminUser>;
}

const now = () => new Date();

/** Binds every use case to the clients it needs: the only place that knows both. */
export function composeHttpDeps({ config, log, db, redis, nc, passwords, tokens, events }: Clients): HttpDeps {
  const keyPrefix = redisKeyPrefix(config.NAMESPACE);
  const tickets = redisTicketStore(redis, keyPrefix, log);
  const findUserById = (id: string) => users.findUserById(db, id);
  const recordAudit = insertAuditEntry.bind(null, db);
  const audited = {
    recordAudit,
    auditFailed: (error: unknown, entry: unknown) => log.error({ err: error, entry }, 'audit entry not written'),
  };
  const names = topology(config.NAMESPACE);
  const engine = createEngineClient({ nc, topology: names, timeoutMs: config.ENGINE_RPC_TIMEOUT_MS, log });
  const sender = createSenderClient({ nc, topology: names, timeoutMs: config.SENDER_RPC_TIMEOUT_MS, log });
  const mediaStore = createMediaStore(config);
  const limits = {
    maxFailuresPerPair: config.LOGIN_MAX_FAILURES_PER_PAIR,
    maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    accountSlowdownSeconds: config.LOGIN_ACCOUNT_SLOWDOWN_SECONDS,
    maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
    windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
  };
  const throttle = createLoginThrottle(redis, keyPrefix, limits, log);
  const userAdmin = { hashPassword: passwords.hash, inTransaction: userTransaction(db), now };
  // Built and checked once, at start: a schema the generator cannot describe stops the service, not a request.
  const openApiDocument = openApiDocumentSchema.parse(buildOpenApiDocument(ROUTES));

  const routeDeps: RouteDeps = {
    login: (input) =>
      login(
        {
          throttle,
          findCredentialsByEmail: (email) => users.findCredentialsByEmail(db, email),
          verifyPassword: passwords.verify,
          verifyDummyPassword: passwords.verifyDummy,
          issueToken: tokens.issue,
          recordAudit,
          now,
        },
        input,
      ),
    engine,
    runChatCommand: (input) => runChatCommand({ ...audited, engine }, input),
    runParkedEventCommand: (input) => runParkedEventCommand({ ...audited, engine }, input),
    sendChatMessage: (input) => sendChatMessage({ ...audited, engine, newId: randomUUID }, input),
    sendTemplate: (input) => sendTemplate({ ...audited, engine, newId: randomUUID }, input),
    indicateTyping: (input) => indicateTyping({ engine }, input),
    openMedia: (input) => openMedia({ engine, mediaStore }, input),
    sender,
    retryDeadLetter: (input) => retryDeadLetter({ ...audited, sender }, input),
    resumeSending: (input) => resumeSending({ ...audited, sender }, input),
    listUsers: () => users.listUsers(db),
    createUser: (input) => createUser(userAdmin, input),
    updateUser: (input) => updateUser(userAdmin, input),
    listAudit: (query) => listAuditEntries(db, query),
    issueEventsTicket: (user) =>
      issueEventsTicket(
        { tickets, newTicket: () => randomBytes(32).toString('base64url'), now, ttlSeconds: EVENTS_TICKET_TTL_SECONDS },
        user,
      ),
    events,
    openApiDocument: () => openApiDocument,
    agentTools: composeAgentTools({ db, engine, audited }),
    officeHours: composeOfficeHours({ engine, audited }),
    assignment: { run: (input) => runAssignmentCommand({ ...audited, engine, findUserById }, input) },
    studentData: composeStudentData({ db, engine, mediaStore, audited, log }),
    insight: composeInsight({ engine, audited }),
    privacy: composePrivacy({ db, engine, audited }),
  };
  return {
    routeDeps,
    authenticate: (token, roles) => authenticate({ verifyToken: tokens.verify, findUserById, now }, token, roles),
    redeemEventsTicket: (ticket) => redeemEventsTicket({ tickets, findUserById }, ticket),
  };
}
