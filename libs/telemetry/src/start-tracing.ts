import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
} from '@opentelemetry/sdk-trace-base';
import { tracingSettings, type TelemetryEnv, type TracingSettings } from './telemetry-env';

export interface Tracing {
  enabled: boolean;
  /** Where spans go (no secrets: headers are not part of it), for the start log line; null when off. */
  exportUrl: string | null;
  /** Exports what is buffered and stops; run as the service's last shutdown step. Never throws. */
  shutdown(): Promise<void>;
}

function samplerFor(settings: TracingSettings): Sampler {
  const ratio = new TraceIdRatioBasedSampler(settings.samplerRatio);
  switch (settings.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/** The URL without user info or query (either may hold a credential), for logs. */
function withoutSecrets(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

let started: Tracing | undefined;

/** True once startTracing registered a provider: the spans helpers take a plain path while it is false. */
export function isTracing(): boolean {
  return started?.enabled === true;
}

/**
 * Registers the process's tracer provider, W3C trace-context propagator and AsyncLocalStorage context manager
 * when the OTEL_* variables ask for tracing (see tracingSettings); otherwise registers nothing at all, so
 * @opentelemetry/api keeps its no-op tracer and propagator: a span then costs a few function calls, and no
 * trace context is ever written to a header, a row or a job. Spans are explicit (no module patching).
 * Once per process: a second call returns the first one's handle.
 */
export function startTracing(opts: { serviceName: string; env: TelemetryEnv }): Tracing {
  if (started) return started;
  const settings = tracingSettings(opts.serviceName, opts.env);
  if (!settings) return (started = { enabled: false, exportUrl: null, shutdown: async () => undefined });
  const exporterConfig = { url: settings.url, headers: settings.headers, timeoutMillis: settings.timeoutMs };
  const exporter = settings.protocol === 'http/json' ? new OtlpJsonExporter(exporterConfig) : new OtlpProtobufExporter(exporterConfig);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ ...settings.resourceAttributes, 'service.name': settings.serviceName }),
    sampler: samplerFor(settings),
    spanProcessors: [new BatchSpanProcessor(exporter, settings.batch)],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  let stopping: Promise<void> | undefined;
  started = {
    enabled: true,
    exportUrl: withoutSecrets(settings.url),
    shutdown: () =>
      (stopping ??= provider.shutdown().then(
        () => undefined,
        // A collector that is down must not fail the service's stop: the spans are lost, the messages are not.
        () => undefined,
      )),
  };
  return started;
}
