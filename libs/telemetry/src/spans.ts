import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  INVALID_SPAN_CONTEXT,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { contextFromHttpHeaders } from './propagation';
import { isTracing } from './start-tracing';

export { SpanKind, SpanStatusCode, type Attributes, type Context, type Span };

const TRACER = '@app/telemetry';
const tracer = () => trace.getTracer(TRACER);

export interface SpanOptions {
  kind: SpanKind;
  /** The parent; the active context when absent. */
  parent?: Context;
  attributes?: Attributes;
  links?: Link[];
}

/** Marks a span failed with the error's name (error.type) and message. */
export function recordFailure(span: Span, error: unknown): void {
  if (!span.isRecording()) return;
  const err = error instanceof Error ? error : new Error(String(error));
  span.recordException(err);
  span.setAttribute('error.type', err.name);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message.slice(0, 200) });
}

/** What every helper hands out while tracing is off: records nothing, allocates nothing per call. */
const OFF_SPAN: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** A span the caller ends itself (it outlives one call), and the context that makes it the parent. */
export function openSpan(name: string, opts: SpanOptions): { span: Span; context: Context } {
  if (!isTracing()) return { span: OFF_SPAN, context: ROOT_CONTEXT };
  const parent = opts.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: opts.kind, attributes: opts.attributes, links: opts.links }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/**
 * Runs `fn` inside a new span (the active one for everything `fn` starts), ended when `fn` settles; a throw
 * marks it failed and is rethrown. With tracing off, the span is the API's no-op one.
 */
export async function inSpan<T>(name: string, opts: SpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  if (!isTracing()) return fn(OFF_SPAN);
  const { span, context: ctx } = openSpan(name, opts);
  try {
    return await context.with(ctx, () => fn(span));
  } catch (error) {
    recordFailure(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Runs `fn` with `ctx` active (when given), so what it writes or starts belongs to that trace. */
export function withContext<T>(ctx: Context | undefined, fn: () => T): T {
  return ctx && isTracing() ? context.with(ctx, fn) : fn();
}

/**
 * A PRODUCER span around one publish, only inside a trace (an active span): a publish that belongs to no
 * trace (a live event after a commit, say) starts none, which keeps tracing's volume to the message path.
 */
export async function inProducerSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  if (!isTracing()) return fn();
  const active = trace.getSpan(context.active());
  if (!active || !active.isRecording()) return fn();
  return inSpan(name, { kind: SpanKind.PRODUCER, attributes }, fn);
}

/**
 * Express-compatible middleware: a SERVER span per request (continuing an incoming `traceparent`), active for
 * the handlers after it, ended when the response is finished with its status code. `route` is the span's
 * low-cardinality name part (the path template).
 */
export function httpServerSpan(route: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (!isTracing()) return next();
    const method = req.method ?? 'GET';
    const { span, context: ctx } = openSpan(`${method} ${route}`, {
      kind: SpanKind.SERVER,
      parent: contextFromHttpHeaders(req.headers),
      attributes: { 'http.request.method': method, 'http.route': route, 'url.path': route },
    });
    const end = () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', () => {
      if (!res.writableFinished) end();
    });
    context.with(ctx, next);
  };
}
