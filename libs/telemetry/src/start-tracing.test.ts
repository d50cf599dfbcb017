import { context, propagation, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { injectNatsHeaders, traceCarrierOf } from './propagation';
import { inSpan, SpanKind } from './spans';
import { startTracing } from './start-tracing';

describe('startTracing without OTEL variables', () => {
  it('registers nothing: spans do not record and no trace context is written anywhere', async () => {
    const tracing = startTracing({ serviceName: 'test-service', env: {} });
    expect(tracing).toMatchObject({ enabled: false, exportUrl: null });
    expect(propagation.fields()).toEqual([]);
    const span = trace.getTracer('probe').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(span.spanContext())).toBe(false);
    await inSpan('work', { kind: SpanKind.INTERNAL }, async (inner) => {
      expect(inner.isRecording()).toBe(false);
      expect(traceCarrierOf()).toBeNull();
      const headers = new Map<string, string>();
      injectNatsHeaders({ get: (k) => headers.get(k) ?? '', set: (k, v) => void headers.set(k, v) });
      expect(headers.size).toBe(0);
    });
    // No context manager either: even an explicit context is not kept as the active one.
    const ctx = trace.setSpan(context.active(), span);
    context.with(ctx, () => expect(trace.getActiveSpan()).toBeUndefined());
    await expect(tracing.shutdown()).resolves.toBeUndefined();
  });
});
