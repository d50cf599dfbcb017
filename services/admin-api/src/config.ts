import path from 'node:path';
import {
  DEFAULTS,
  fields,
  jwtSecret,
  loadConfig,
  realInProduction,
  redisSentinelName,
  redisSentinels,
  shutdownDrainMs,
  type Env,
} from '@app/config';
import { mediaStoreFields } from '@app/media-store';
import { z } from 'zod';
import { displayNameSchema } from './domain/display-name';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './domain/password-policy';

/**
 * ADMIN_EMAIL and ADMIN_PASSWORD come as a pair: one without the other is a typo, not "no bootstrap", so the
 * missing one is reported. The message never includes the value: ADMIN_PASSWORD is a secret.
 */
const requiredWhen = (other: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `required when ${other} is set` : undefined),
});

const adminEmail = (env: Env) => (env.ADMIN_PASSWORD ? z.email(requiredWhen('ADMIN_PASSWORD')).max(254) : z.email().max(254).optional());

const adminPassword = (env: Env) => {
  // A bootstrap password from a template or the docker-compose example must not guard a production console.
  const password = realInProduction(
    env,
    z
      .string(env.ADMIN_EMAIL ? requiredWhen('ADMIN_EMAIL') : {})
      .min(PASSWORD_MIN_LENGTH)
      .max(PASSWORD_MAX_LENGTH),
  );
  return env.ADMIN_EMAIL ? password : password.optional();
};

function adminApiConfigSchema(env: Env) {
  const media = mediaStoreFields(env);
  return z.object({
    NODE_ENV: fields.nodeEnv,
    LOG_LEVEL: fields.logLevel,
    NAMESPACE: fields.namespace,
    DATABASE_URL: fields.databaseUrl,
    NATS_URL: fields.natsUrl,
    REDIS_URL: fields.redisUrl,
    REDIS_SENTINELS: redisSentinels(env),
    REDIS_SENTINEL_NAME: redisSentinelName(env),
    ADMIN_API_PORT: fields.port(DEFAULTS.ports.adminApi),
    SHUTDOWN_DRAIN_MS: shutdownDrainMs(env),
    // An engine that has not answered by then is treated as down (503): an admin's click never hangs.
    ENGINE_RPC_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
    // The same for whatsapp-sender's admin requests (dead letters, queue status and resume).
    SENDER_RPC_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
    // Postgres cancels a statement running longer: a stuck one frees its connection instead of starving the pool.
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
    // Where whatsapp-sender stores inbound media (libs/media-store): the same directory (a volume both
    // mount) or the same bucket and prefix.
    // Key by key, not spread: this file names every variable the service reads (compose is checked against it).
    MEDIA_STORE: media.MEDIA_STORE,
    MEDIA_DIR: media.MEDIA_DIR,
    S3_BUCKET: media.S3_BUCKET,
    S3_ENDPOINT: media.S3_ENDPOINT,
    S3_REGION: media.S3_REGION,
    S3_FORCE_PATH_STYLE: media.S3_FORCE_PATH_STYLE,
    S3_PREFIX: media.S3_PREFIX,
    // Login throttling (adapters/redis/login-throttle.ts): a hard limit per (account, address); past
    // _PER_ACCOUNT failures from any addresses, one attempt per LOGIN_ACCOUNT_SLOWDOWN_SECONDS (slowed, never
    // locked); a generous cap per address, which a whole school may share behind NAT.
    LOGIN_MAX_FAILURES_PER_PAIR: z.coerce.number().int().min(1).max(1_000).default(5),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(20),
    LOGIN_ACCOUNT_SLOWDOWN_SECONDS: z.coerce.number().int().min(1).max(3_600).default(10),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(100),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    SSE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
    // How often this replica tells the engine who has a console open (assignment presence); under the engine's 60 s TTL.
    PRESENCE_REPORT_INTERVAL_MS: z.coerce.number().int().min(100).max(30_000).default(20_000),
    JWT_SECRET: jwtSecret(env),
    // Tokens cannot be revoked one by one (only by disabling the user), so they live for minutes, not days.
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
    ADMIN_EMAIL: adminEmail(env),
    ADMIN_PASSWORD: adminPassword(env),
    // The bootstrap admin's name for students and colleagues; read only when that admin is created.
    ADMIN_DISPLAY_NAME: displayNameSchema.optional(),
    // The console's built files. Relative to the working directory: the repository root under `npm start`,
    // /app in the image. A folder without index.html means no console (a warning at start), not a failure.
    ADMIN_CONSOLE_DIR: z
      .string()
      .min(1)
      .default('services/admin-console/dist')
      .transform((dir) => path.resolve(dir)),
  });
}

export type AdminApiConfig = z.infer<ReturnType<typeof adminApiConfigSchema>>;

/** Parses the environment once; every bad key is listed in one ConfigError. Warnings are for the caller to log. */
export function loadAdminApiConfig(env: Env): { config: Readonly<AdminApiConfig>; warnings: string[] } {
  const config = loadConfig(adminApiConfigSchema(env), env);
  const warnings = env.JWT_SECRET
    ? []
    : ['JWT_SECRET is not set: using a random secret, so tokens die with this process and differ between replicas'];
  return { config, warnings };
}

export const migrationConfigSchema = z.object({
  LOG_LEVEL: fields.logLevel,
  NAMESPACE: fields.namespace,
  DATABASE_URL: fields.databaseUrl,
});

export function loadMigrationConfig(env: Env): Readonly<z.infer<typeof migrationConfigSchema>> {
  return loadConfig(migrationConfigSchema, env);
}

/** LOG_LEVEL before the config is loaded (the logger must exist to report config errors); bad values fall back. */
export function bootLogLevel(env: Env): string {
  const parsed = fields.logLevel.safeParse(env.LOG_LEVEL || undefined);
  return parsed.success ? parsed.data : 'info';
}
