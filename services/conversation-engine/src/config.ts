import { z } from 'zod';
import { templateMessageSchema } from '@app/contracts';
import { DEFAULTS, fields, loadConfig, redisSentinelName, redisSentinels, shutdownDrainMs, type Env } from '@app/config';
import { schemaFor } from '@app/db';
import { mediaStoreFields } from '@app/media-store';
import { telemetryEnvFields } from '@app/telemetry';

const engineConfigSchema = (env: Env, media = mediaStoreFields(env)) =>
  z.object({
    NODE_ENV: fields.nodeEnv,
    LOG_LEVEL: fields.logLevel,
    NAMESPACE: fields.namespace,
    DATABASE_URL: fields.databaseUrl,
    NATS_URL: fields.natsUrl,
    JETSTREAM_REPLICAS: fields.jetstreamReplicas,
    REDIS_URL: fields.redisUrl,
    REDIS_SENTINELS: redisSentinels(env),
    REDIS_SENTINEL_NAME: redisSentinelName(env),
    CONVERSATION_ENGINE_PORT: fields.port(DEFAULTS.ports.conversationEngine),
    SHUTDOWN_DRAIN_MS: shutdownDrainMs(env),
    /** How long JetStream waits for an ack before redelivering (after a crash, say). */
    ENGINE_ACK_WAIT_MS: z.coerce.number().int().min(1_000).default(30_000),
    /** Most inbound events of one partition handled in one transaction (also the partition consumer's max_ack_pending). */
    ENGINE_INBOUND_BATCH: z.coerce.number().int().min(1).max(1_000).default(64),
    /** Inbound transactions at once on one replica; each takes every partition's batch gathered meanwhile. */
    ENGINE_INBOUND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    /** Most delivery events (send and read results, media outcomes) handled in one transaction. */
    ENGINE_DELIVERY_BATCH: z.coerce.number().int().min(1).max(1_000).default(128),
    /** Tries of one inbound or delivery event before it is parked (parked_events) and its partition moves on. */
    ENGINE_EVENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    /** Delay before an event's second try; doubling per try, capped at 30 s (and below half the ack wait). */
    ENGINE_EVENT_RETRY_BASE_MS: z.coerce.number().int().min(1).max(30_000).default(1_000),
    /** A replica that stops renewing its partition leases loses them after this long (then another takes over). */
    ENGINE_PARTITION_LEASE_MS: z.coerce.number().int().min(1_000).default(10_000),
    /** Postgres connections of one replica: partition batches, delivery batches, the relay and admin requests share them. */
    ENGINE_DB_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
    /** Admin requests handled at once on one replica (below the pool size: consumers keep connections); more wait in a short queue, then are answered busy. */
    ENGINE_RPC_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** Postgres cancels a statement running longer: a stuck one frees its connection instead of starving the pool. */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
    /** Safety-net period of the outbox relay; commits kick it immediately anyway. */
    ENGINE_RELAY_INTERVAL_MS: z.coerce.number().int().min(50).default(1_000),
    /** A relayed message with no outcome after this long is queued again (same job id). */
    ENGINE_RELAY_STALE_AFTER_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .default(5 * 60_000),
    /** Period of the support sweep: auto-ending chats whose 24-hour window closed, held-back queue positions. */
    ENGINE_SUPPORT_SWEEP_INTERVAL_MS: z.coerce.number().int().min(50).default(60_000),
    /** Inbound dedupe rows and unmatched pending statuses older than this are pruned (Meta redelivers for up to 7 days). */
    ENGINE_DEDUPE_RETENTION_DAYS: z.coerce.number().int().min(8).max(3_650).default(30),
    /** The approved template admins send to reopen a conversation whose 24-hour window closed (chat.template). */
    WHATSAPP_REENGAGEMENT_TEMPLATE: templateMessageSchema.shape.name.default('reengagement'),
    WHATSAPP_REENGAGEMENT_TEMPLATE_LANGUAGE: templateMessageSchema.shape.language.default('en'),
    /** student_name: the template's body has one parameter ({{1}}), filled with the student's name; none: no parameter. */
    WHATSAPP_REENGAGEMENT_TEMPLATE_PARAMS: z.enum(['none', 'student_name']).default('none'),
    // The media store (libs/media-store), the one whatsapp-sender writes: history retention deletes its files (issue 15).
    MEDIA_STORE: media.MEDIA_STORE,
    MEDIA_DIR: media.MEDIA_DIR,
    S3_BUCKET: media.S3_BUCKET,
    S3_ENDPOINT: media.S3_ENDPOINT,
    S3_REGION: media.S3_REGION,
    S3_FORCE_PATH_STYLE: media.S3_FORCE_PATH_STYLE,
    S3_PREFIX: media.S3_PREFIX,
    // OpenTelemetry tracing (libs/telemetry): off unless OTEL_TRACES_EXPORTER=otlp or an OTLP endpoint is set.
    ...telemetryEnvFields,
  });

export type EngineConfig = z.infer<ReturnType<typeof engineConfigSchema>>;

export function readEngineConfig(env: Env): Readonly<EngineConfig> {
  return loadConfig(engineConfigSchema(env), env);
}

/** The schema this service owns in the shared database. */
export function engineSchema(namespace: string | undefined): string {
  return schemaFor('conversation_engine', namespace);
}
