import { z } from 'zod';

const millis = z.coerce.number().int().min(1).max(600_000);
const ratio = z.coerce.number().min(0).max(1);
const keyValues = z
  .string()
  .max(4_096)
  .refine((v) => v.split(',').every((pair) => pair.trim() === '' || /^[^=\s]+=/.test(pair.trim())), 'a comma-separated list of key=value');
const endpoint = z.url({ protocol: /^https?$/ });
const protocol = z.enum(['http/protobuf', 'http/json']);

/**
 * The standard OTEL_* variables this project reads (the OpenTelemetry SDK environment specification), all
 * optional. Spread into a service's config schema: `z.object({ ...telemetryEnvFields, ... })`.
 */
export const telemetryEnvFields = {
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).optional(),
  OTEL_SERVICE_NAME: z.string().min(1).max(200).optional(),
  OTEL_RESOURCE_ATTRIBUTES: keyValues.optional(),
  /** `otlp` turns tracing on; `none` keeps it off whatever else is set. */
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none']).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: endpoint.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: protocol.optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: protocol.optional(),
  OTEL_EXPORTER_OTLP_HEADERS: keyValues.optional(),
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: keyValues.optional(),
  OTEL_EXPORTER_OTLP_TIMEOUT: millis.optional(),
  OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: millis.optional(),
  OTEL_TRACES_SAMPLER: z
    .enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'])
    .optional(),
  OTEL_TRACES_SAMPLER_ARG: ratio.optional(),
  OTEL_BSP_SCHEDULE_DELAY: millis.optional(),
  OTEL_BSP_EXPORT_TIMEOUT: millis.optional(),
  OTEL_BSP_MAX_QUEUE_SIZE: z.coerce.number().int().min(1).max(100_000).optional(),
  OTEL_BSP_MAX_EXPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).optional(),
};

export const telemetryEnvSchema = z.object(telemetryEnvFields);
export type TelemetryEnv = Partial<z.infer<typeof telemetryEnvSchema>>;

export interface TracingSettings {
  url: string;
  protocol: z.infer<typeof protocol>;
  headers: Record<string, string>;
  timeoutMs: number;
  serviceName: string;
  resourceAttributes: Record<string, string>;
  sampler: NonNullable<TelemetryEnv['OTEL_TRACES_SAMPLER']>;
  samplerRatio: number;
  batch: { scheduledDelayMillis: number; exportTimeoutMillis: number; maxQueueSize: number; maxExportBatchSize: number };
}

/** `a=1,b=2` (values percent-encoded, as the specification says) as a record. */
export function parseKeyValues(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (value ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const key = pair.slice(0, at).trim();
    const raw = pair.slice(at + 1).trim();
    try {
      out[key] = decodeURIComponent(raw);
    } catch {
      out[key] = raw;
    }
  }
  return out;
}

const DEFAULT_ENDPOINT = 'http://localhost:4318';

/**
 * Whether tracing is on, and how. Off (null) unless an OTLP exporter is asked for: OTEL_TRACES_EXPORTER=otlp,
 * or an OTLP endpoint (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT) is set. Always off
 * with OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none. Unlike the SDK's own default, nothing is
 * exported to localhost:4318 merely because the variables are absent: tracing costs nothing until asked for.
 */
export function tracingSettings(serviceName: string, env: TelemetryEnv): TracingSettings | null {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return null;
  const wanted =
    env.OTEL_TRACES_EXPORTER === 'otlp' ||
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined ||
    env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined;
  if (!wanted) return null;
  // The signal-specific endpoint is used as it is; the generic one gets the signal's path appended.
  const url =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? DEFAULT_ENDPOINT).replace(/\/+$/, '')}/v1/traces`;
  return {
    url,
    protocol: env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf',
    headers: { ...parseKeyValues(env.OTEL_EXPORTER_OTLP_HEADERS), ...parseKeyValues(env.OTEL_EXPORTER_OTLP_TRACES_HEADERS) },
    timeoutMs: env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT ?? env.OTEL_EXPORTER_OTLP_TIMEOUT ?? 10_000,
    serviceName: env.OTEL_SERVICE_NAME ?? serviceName,
    resourceAttributes: parseKeyValues(env.OTEL_RESOURCE_ATTRIBUTES),
    sampler: env.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on',
    samplerRatio: env.OTEL_TRACES_SAMPLER_ARG ?? 1,
    batch: {
      scheduledDelayMillis: env.OTEL_BSP_SCHEDULE_DELAY ?? 5_000,
      exportTimeoutMillis: env.OTEL_BSP_EXPORT_TIMEOUT ?? 30_000,
      maxQueueSize: env.OTEL_BSP_MAX_QUEUE_SIZE ?? 2_048,
      maxExportBatchSize: Math.min(env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE ?? 512, env.OTEL_BSP_MAX_QUEUE_SIZE ?? 2_048),
    },
  };
}
