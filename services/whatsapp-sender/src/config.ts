import { z } from 'zod';
import { DEFAULTS, devDefault, fields, loadConfig, redisSentinelName, redisSentinels, shutdownDrainMs, type Env } from '@app/config';
import { mediaStoreFields } from '@app/media-store';
import { telemetryEnvFields } from '@app/telemetry';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

function senderConfigSchema(env: Env) {
  const media = mediaStoreFields(env);
  return (
    z
      .object({
        NODE_ENV: fields.nodeEnv,
        LOG_LEVEL: fields.logLevel,
        NAMESPACE: fields.namespace,
        REDIS_URL: fields.redisUrl,
        REDIS_SENTINELS: redisSentinels(env),
        REDIS_SENTINEL_NAME: redisSentinelName(env),
        NATS_URL: fields.natsUrl,
        JETSTREAM_REPLICAS: fields.jetstreamReplicas,
        WHATSAPP_ACCESS_TOKEN: devDefault(env, DEFAULTS.dev.accessToken),
        WHATSAPP_PHONE_NUMBER_ID: devDefault(env, DEFAULTS.dev.phoneNumberId, z.string().regex(/^\d{1,32}$/, 'must be digits')),
        WHATSAPP_API_BASE_URL: z
          .url()
          .refine((u) => /^https?:\/\//.test(u), 'must be an http(s):// URL')
          .transform((u) => u.replace(/\/+$/, ''))
          .default(DEFAULTS.whatsappApiBaseUrl),
        WHATSAPP_API_VERSION: z
          .string()
          .regex(/^v\d+\.\d+$/, 'must look like v25.0')
          .default(DEFAULTS.whatsappApiVersion),
        /** Messages per second for the business number, shared by every replica (Meta's default tier is 80). */
        WHATSAPP_SEND_RATE: z.coerce.number().int().min(1).max(1_000).default(80),
        WHATSAPP_SENDER_PORT: fields.port(DEFAULTS.ports.whatsappSender),
        SHUTDOWN_DRAIN_MS: shutdownDrainMs(env),
        // Jobs in progress per replica; throughput is about this / the Cloud API's latency. Order per student
        // does not rest on it: the engine queues a student's next message only after this one's outcome.
        SENDER_CONCURRENCY: positiveInt(32),
        /** Cloud API calls per message before a retryable error becomes a failure. */
        SENDER_MAX_ATTEMPTS: positiveInt(8),
        /** Base of the exponential backoff between attempts: base, 2 x base, 4 x base, ... */
        SENDER_BACKOFF_MS: positiveInt(1_000),
        /** Base of the backoff after a pair rate limit (131056): base, 4 x base, 16 x base, ... */
        SENDER_PAIR_BACKOFF_MS: positiveInt(4_000),
        /** While sending is paused for an invalid token, how often one replica checks the token again. */
        SENDER_PROBE_INTERVAL_MS: positiveInt(30_000),
        SENDER_HTTP_TIMEOUT_MS: positiveInt(10_000),
        SENDER_LOCK_DURATION_MS: positiveInt(30_000),
        SENDER_STALLED_INTERVAL_MS: positiveInt(30_000),
        // Where inbound media is stored (libs/media-store: a directory or S3); admin-api must read the same place.
        // Key by key, not spread: this file names every variable the service reads (compose is checked against it).
        MEDIA_STORE: media.MEDIA_STORE,
        MEDIA_DIR: media.MEDIA_DIR,
        S3_BUCKET: media.S3_BUCKET,
        S3_ENDPOINT: media.S3_ENDPOINT,
        S3_REGION: media.S3_REGION,
        S3_FORCE_PATH_STYLE: media.S3_FORCE_PATH_STYLE,
        S3_PREFIX: media.S3_PREFIX,
        /** Larger inbound media is refused (announced or counted while streaming). */
        MEDIA_MAX_BYTES: positiveInt(16 * 1024 * 1024),
        MEDIA_MAX_ATTEMPTS: positiveInt(6),
        MEDIA_CONCURRENCY: positiveInt(2),
        /** One media request: the metadata answer, or the whole download. */
        MEDIA_HTTP_TIMEOUT_MS: positiveInt(60_000),
        // OpenTelemetry tracing (libs/telemetry): off unless OTEL_TRACES_EXPORTER=otlp or an OTLP endpoint is set.
        ...telemetryEnvFields,
      })
      // A job whose lock lapsed is handed to another worker. If that could happen while the first worker is
      // still waiting for Meta, both would send: the lock must outlive the longest Cloud API call.
      .refine((c) => c.SENDER_LOCK_DURATION_MS > c.SENDER_HTTP_TIMEOUT_MS, {
        path: ['SENDER_LOCK_DURATION_MS'],
        message: 'must be greater than SENDER_HTTP_TIMEOUT_MS',
      })
  );
}

export type SenderConfig = z.infer<ReturnType<typeof senderConfigSchema>>;

export function loadSenderConfig(env: Env): Readonly<SenderConfig> {
  return loadConfig(senderConfigSchema(env), env);
}
