import { SpanKind, trace } from '@opentelemetry/api';
import { afterAll, describe, expect, it } from 'vitest';
import { contextFromCarrier, contextFromHttpHeaders, contextFromNatsHeaders, injectNatsHeaders, traceCarrierOf } from './propagation';
import { inSpan, withContext } from './spans';
import { startTracing } from './start-tracing';

// Tracing on, exporting to a closed port: spans record and propagate; the lost export only fails quietly.
const tracing = startTracing({
  serviceName: 'propagation-test',
  env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_EXPORTER_OTLP_TIMEOUT: 200 },
});
afterAll(() => tracing.shutdown());

const headerMap = () => {
  const map = new Map<string, string>();
  return { map, get: (k: string) => map.get(k) ?? '', set: (k: string, v: string) => void map.set(k, v) };
};

describe('trace context propagation with tracing on', () => {
  it('carries the active span through NATS headers, a plain carrier and an HTTP traceparent', async () => {
    expect(tracing.enabled).toBe(true);
    await inSpan('root', { kind: SpanKind.SERVER }, async (root) => {
      const { traceId, spanId } = root.spanContext();
      const headers = headerMap();
      injectNatsHeaders(headers);
      expect(headers.map.get('traceparent')).toBe(`00-${traceId}-${spanId}-01`);
      expect(trace.getSpanContext(contextFromNatsHeaders(headers))).toMatchObject({ traceId, spanId, isRemote: true });

      const carrier = traceCarrierOf();
      expect(carrier).toEqual({ traceparent: `00-${traceId}-${spanId}-01` });
      await withContext(contextFromCarrier(carrier), () =>
        inSpan('child', { kind: SpanKind.CONSUMER }, async (child) => {
          expect(child.spanContext().traceId).toBe(traceId);
        }),
      );
      expect(trace.getSpanContext(contextFromHttpHeaders({ traceparent: headers.map.get('traceparent') }))?.spanId).toBe(spanId);
    });
  });

  it('stores nothing outside a trace, and ignores a malformed traceparent', () => {
    expect(traceCarrierOf()).toBeNull();
    expect(trace.getSpanContext(contextFromHttpHeaders({ traceparent: 'not-a-trace' }))).toBeUndefined();
    expect(trace.getSpanContext(contextFromCarrier({ traceparent: '00-zz-zz-01' }))).toBeUndefined();
  });
});
