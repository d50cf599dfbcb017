import { z } from 'zod';
import { DEFAULTS, devDefault, fields, loadConfig, shutdownDrainMs, type Env } from '@app/config';
import { telemetryEnvFields } from '@app/telemetry';

const gatewayConfigSchema = (env: Env) =>
  z.object({
    NODE_ENV: fields.nodeEnv,
    LOG_LEVEL: fields.logLevel,
    NAMESPACE: fields.namespace,
    NATS_URL: fields.natsUrl,
    JETSTREAM_REPLICAS: fields.jetstreamReplicas,
    WHATSAPP_APP_SECRET: devDefault(env, DEFAULTS.dev.appSecret),
    WHATSAPP_VERIFY_TOKEN: devDefault(env, DEFAULTS.dev.verifyToken),
    WEBHOOK_GATEWAY_PORT: fields.port(DEFAULTS.ports.webhookGateway),
    SHUTDOWN_DRAIN_MS: shutdownDrainMs(env),
    /** Meta batches can reach a few MB. */
    WEBHOOK_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(5 * 1024 * 1024),
    /** How long one webhook may wait for JetStream before it is answered 503 (Meta retries). */
    WEBHOOK_PUBLISH_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    // OpenTelemetry tracing (libs/telemetry): off unless OTEL_TRACES_EXPORTER=otlp or an OTLP endpoint is set.
    ...telemetryEnvFields,
  });

export type GatewayConfig = z.infer<ReturnType<typeof gatewayConfigSchema>>;

export function readGatewayConfig(env: Env): Readonly<GatewayConfig> {
  return loadConfig(gatewayConfigSchema(env), env);
}
