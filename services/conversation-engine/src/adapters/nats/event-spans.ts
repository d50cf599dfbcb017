import type { Disposition, JsMsg } from '@app/messaging';
import { contextFromNatsHeaders, openSpan, recordFailure, SpanKind, SpanStatusCode, type Context, type Span } from '@app/telemetry';

export interface EventSpan {
  /** The message's index in its batch. */
  index: number;
  span: Span;
}

/**
 * A CONSUMER span for one JetStream event, child of the context its publisher put in the headers. One span
 * per event, not per batch: a batch mixes students (and so traces), and each event's trace must run on into
 * the outbox rows and jobs it writes. The batch's shared transaction is inside every one of them.
 */
export function openEventSpan(msg: JsMsg, event: { id?: string; type: string }, spans: EventSpan[], index: number): Context {
  const { span, context } = openSpan(`process ${event.type}`, {
    kind: SpanKind.CONSUMER,
    parent: contextFromNatsHeaders(msg.headers),
    attributes: {
      'messaging.system': 'nats',
      'messaging.operation.type': 'process',
      'messaging.destination.name': msg.subject,
      ...(event.id === undefined ? {} : { 'messaging.message.id': event.id }),
      'messaging.batch.message_count': 1,
      'messaging.nats.stream_sequence': msg.seq,
      'messaging.nats.redelivered': msg.redelivered,
    },
  });
  spans.push({ index, span });
  return context;
}

/** Ends each event's span with what became of it: an event retried or terminated is marked failed. */
export function endEventSpans(spans: readonly EventSpan[], dispositions: readonly Disposition[] | undefined, error?: unknown): void {
  for (const { index, span } of spans) {
    const disposition = dispositions?.[index];
    if (error !== undefined) recordFailure(span, error);
    else if (disposition && disposition.kind !== 'ack') {
      span.setAttribute('app.disposition', disposition.kind);
      span.setStatus({ code: SpanStatusCode.ERROR, message: disposition.reason });
    }
    span.end();
  }
}
