import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Env } from './load-config';

export const DEFAULTS = {
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/chat_support',
  natsUrl: 'nats://127.0.0.1:4222',
  redisUrl: 'redis://127.0.0.1:6379',
  whatsappApiBaseUrl: 'https://graph.facebook.com',
  whatsappApiVersion: 'v25.0',
  ports: { adminApi: 8080, webhookGateway: 8081, conversationEngine: 8082, whatsappSender: 8083, whatsappSandbox: 8090 },
  dev: {
    appSecret: 'sandbox-app-secret',
    verifyToken: 'sandbox-verify-token',
    accessToken: 'sandbox-token',
    phoneNumberId: '100000000000001',
  },
} as const;

const isProduction = (env: Env) => env.NODE_ENV === 'production';

const url = (protocols: string[]) =>
  z.url().refine((u) => protocols.some((p) => u.startsWith(`${p}://`)), `must be a ${protocols.join('/')}:// URL`);

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** The development defaults of secrets and ids: publicly known, so never acceptable in production. */
const DEV_VALUES: ReadonlySet<string> = new Set(Object.values(DEFAULTS.dev));

/**
 * Text that marks a value as a template's placeholder rather than a real secret: the repo's own `CHANGE_ME`
 * family, the usual wording of examples, one character repeated. A real secret (random bytes, Meta's tokens) never reads so.
 */
const PLACEHOLDER =
  /change[\s_-]*me|replace[\s_-]*me|placeholder|your[\s_-]+(?:app[\s_-]+)?(?:secret|token|key|password)|^(.)\1{2,}$|^(?:secret|token|password|example|test|dev)$/i;

/**
 * Why a production value is a known placeholder (a development default, or template text such as
 * CHANGE_ME), or undefined when it is not. The message names the rule, never the value.
 */
export function placeholderProblem(value: string): string | undefined {
  if (DEV_VALUES.has(value)) return 'is a development default; set the real value in production';
  if (PLACEHOLDER.test(value)) return 'looks like a template placeholder; set the real value in production';
  return undefined;
}

/** In production, refuses known placeholders (a secret copied from a template must not start a service). */
export function realInProduction<T extends z.ZodType<string>>(env: Env, schema: T) {
  if (!isProduction(env)) return schema;
  return schema.superRefine((value, ctx) => {
    const problem = placeholderProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** A value with a development default that production must set explicitly, and not to a known placeholder. */
export function devDefault(env: Env, fallback: string, schema = z.string().min(1)) {
  return isProduction(env) ? realInProduction(env, schema) : schema.default(fallback);
}

/** Fields most services share. Spread the ones a service needs into its own schema. */
export const fields = {
  nodeEnv: z.enum(['development', 'production', 'test']).default('development'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Prefix for streams, consumers, queues and schemas: lets several deployments or tests share infra. */
  namespace: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, _ and -, starting with a letter')
    .optional(),
  databaseUrl: url(['postgres', 'postgresql']).default(DEFAULTS.databaseUrl),
  natsUrl: url(['nats', 'tls']).default(DEFAULTS.natsUrl),
  redisUrl: url(['redis', 'rediss']).default(DEFAULTS.redisUrl),
  port,
  /**
   * JETSTREAM_REPLICAS: copies of the INBOUND and DELIVERY streams the services create (1 on a single NATS
   * server; 3 on a three-node JetStream cluster; at most 5, JetStream's own limit).
   */
  jetstreamReplicas: z.coerce.number().int().min(1).max(5).default(1),
};

/** The most SHUTDOWN_DRAIN_MS may be: drain plus close must stay inside the contract's "exits within 10 s". */
export const MAX_SHUTDOWN_DRAIN_MS = 5_000;

/**
 * SHUTDOWN_DRAIN_MS: after SIGTERM, how long a service keeps serving with /readyz at 503, so load balancers
 * and Kubernetes endpoints stop sending it traffic before its listener closes. Production waits 3 s; locally
 * and in tests there is nobody to tell, so a stop closes at once.
 */
export function shutdownDrainMs(env: Env) {
  return z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_SHUTDOWN_DRAIN_MS)
    .default(isProduction(env) ? 3_000 : 0);
}

/** JWT_SECRET: dev gets a random one per start (tokens die with the process); production needs >= 32 chars. */
export function jwtSecret(env: Env) {
  return isProduction(env)
    ? realInProduction(env, z.string().min(32, 'must be at least 32 characters in production'))
    : z
        .string()
        .min(1)
        .default(() => randomBytes(32).toString('hex'));
}
