import type { IncomingHttpHeaders } from 'node:http';
import { context, propagation, ROOT_CONTEXT, trace, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { z } from 'zod';

/**
 * A W3C trace context as plain data: what rides in a JSON job payload or an outbox row. Bounded, so a hostile
 * or broken producer cannot make it large; the propagator validates the values themselves.
 */
const traceCarrierSchema = z.object({
  traceparent: z.string().min(1).max(128),
  tracestate: z.string().max(512).optional(),
});
export type TraceCarrier = z.infer<typeof traceCarrierSchema>;

/** The part of a NATS MsgHdrs (or any header map) the propagator needs; MsgHdrs satisfies it. */
export interface HeaderMap {
  get(key: string): string;
  set(key: string, value: string): void;
}

const headerMapGetter: TextMapGetter<HeaderMap> = {
  keys: () => ['traceparent', 'tracestate'],
  get: (carrier, key) => carrier.get(key) || undefined,
};
const headerMapSetter: TextMapSetter<HeaderMap> = { set: (carrier, key, value) => carrier.set(key, value) };

/** Whether `ctx` has a span worth propagating (a real, sampled-or-not trace; never the no-op one of tracing off). */
function hasTrace(ctx: Context): boolean {
  const span = trace.getSpan(ctx);
  return span !== undefined && trace.isSpanContextValid(span.spanContext());
}

/** Writes the active trace context into NATS message headers; does nothing without one (tracing off). */
export function injectNatsHeaders(headers: HeaderMap, ctx: Context = context.active()): void {
  if (hasTrace(ctx)) propagation.inject(ctx, headers, headerMapSetter);
}

/** The trace context a NATS message carried (the root context when none, or tracing is off). */
export function contextFromNatsHeaders(headers: HeaderMap | undefined): Context {
  return headers ? propagation.extract(ROOT_CONTEXT, headers, headerMapGetter) : ROOT_CONTEXT;
}

/** The active trace context as plain data for a row or a job; null without one (tracing off: nothing stored). */
export function traceCarrierOf(ctx: Context = context.active()): TraceCarrier | null {
  if (!hasTrace(ctx)) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  const parsed = traceCarrierSchema.safeParse(carrier);
  return parsed.success ? parsed.data : null;
}

/** The context a row or job carried; the root context when it carried none. */
export function contextFromCarrier(carrier: TraceCarrier | null | undefined): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
}

/** The context an HTTP request carried in `traceparent`/`tracestate` (from Meta, a proxy, a load balancer). */
export function contextFromHttpHeaders(headers: IncomingHttpHeaders): Context {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const traceparent = one(headers.traceparent);
  if (!traceparent) return ROOT_CONTEXT;
  const tracestate = one(headers.tracestate);
  return propagation.extract(ROOT_CONTEXT, tracestate ? { traceparent, tracestate } : { traceparent });
}
