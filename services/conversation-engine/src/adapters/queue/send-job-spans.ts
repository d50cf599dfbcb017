import { contextFromCarrier, openSpan, recordFailure, SpanKind, traceCarrierOf, type Span } from '@app/telemetry';
import type { OutboxJob } from '../../domain/outbox-job';

/**
 * A PRODUCER span for each send job that carries a trace context (its outbox row's: tracing was on when the
 * event was handled), child of that context; the job then carries the span's own context, so the sender's
 * CONSUMER span hangs under the enqueue. Jobs without one are returned as they are, and no span is made.
 */
export function openSendJobSpans(jobs: readonly OutboxJob[], queueName: string): { jobs: OutboxJob[]; end(error?: unknown): void } {
  const spans: Span[] = [];
  const traced = jobs.map((job): OutboxJob => {
    if (job.kind !== 'send' || !job.data.trace) return job;
    const { span, context } = openSpan('publish send-message', {
      kind: SpanKind.PRODUCER,
      parent: contextFromCarrier(job.data.trace),
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'send',
        'messaging.destination.name': queueName,
        'messaging.message.id': job.data.messageId,
      },
    });
    spans.push(span);
    return { kind: 'send', data: { ...job.data, trace: traceCarrierOf(context) ?? job.data.trace } };
  });
  return {
    jobs: traced,
    end(error) {
      for (const span of spans) {
        if (error !== undefined) recordFailure(span, error);
        span.end();
      }
    },
  };
}
