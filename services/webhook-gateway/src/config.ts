import { z } from 'zod';
import { DEFAULTS, devDefault, fields, loadConfig, shutdownDrainMs, type Env } from '@app/config';
import { telemetryEnvFields } from '@app/telemetry';

export const gatewayConfigSchema = (env: Env) =>
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
    WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
    /** How long one webhook may wait for JetStream before it is answered 503 (Meta retries). */
    WEBHOOK_PUBLISH_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    // OpenTelemetry tracing (libs/telemetry): off unless OTEL_TRACES_EXPORTER=otlp or an OTLP endpoint is set.
    // Key by key, not spread: this file names every variable the service reads (the manifests are checked against it).
    OTEL_SDK_DISABLED: telemetryEnvFields.OTEL_SDK_DISABLED,
    OTEL_SERVICE_NAME: telemetryEnvFields.OTEL_SERVICE_NAME,
    OTEL_RESOURCE_ATTRIBUTES: telemetryEnvFields.OTEL_RESOURCE_ATTRIBUTES,
    OTEL_TRACES_EXPORTER: telemetryEnvFields.OTEL_TRACES_EXPORTER,
    OTEL_EXPORTER_OTLP_ENDPOINT: telemetryEnvFields.OTEL_EXPORTER_OTLP_ENDPOINT,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: telemetryEnvFields.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
    OTEL_EXPORTER_OTLP_PROTOCOL: telemetryEnvFields.OTEL_EXPORTER_OTLP_PROTOCOL,
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: telemetryEnvFields.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL,
    OTEL_EXPORTER_OTLP_HEADERS: telemetryEnvFields.OTEL_EXPORTER_OTLP_HEADERS,
    OTEL_EXPORTER_OTLP_TRACES_HEADERS: telemetryEnvFields.OTEL_EXPORTER_OTLP_TRACES_HEADERS,
    OTEL_EXPORTER_OTLP_TIMEOUT: telemetryEnvFields.OTEL_EXPORTER_OTLP_TIMEOUT,
    OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: telemetryEnvFields.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT,
    OTEL_TRACES_SAMPLER: telemetryEnvFields.OTEL_TRACES_SAMPLER,
    OTEL_TRACES_SAMPLER_ARG: telemetryEnvFields.OTEL_TRACES_SAMPLER_ARG,
    OTEL_BSP_SCHEDULE_DELAY: telemetryEnvFields.OTEL_BSP_SCHEDULE_DELAY,
    OTEL_BSP_EXPORT_TIMEOUT: telemetryEnvFields.OTEL_BSP_EXPORT_TIMEOUT,
    OTEL_BSP_MAX_QUEUE_SIZE: telemetryEnvFields.OTEL_BSP_MAX_QUEUE_SIZE,
    OTEL_BSP_MAX_EXPORT_BATCH_SIZE: telemetryEnvFields.OTEL_BSP_MAX_EXPORT_BATCH_SIZE,
  });

export type GatewayConfig = z.infer<ReturnType<typeof gatewayConfigSchema>>;

export function readGatewayConfig(env: Env): Readonly<GatewayConfig> {
  return loadConfig(gatewayConfigSchema(env), env);
}
