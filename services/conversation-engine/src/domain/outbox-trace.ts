import { traceContextSchema } from '@app/contracts';
import type { OutboxJob } from './outbox-job';

/**
 * A send job with the trace context its outbox row stored (tracing on when it was written), so the sender's
 * spans join the inbound message's trace. Other kinds, rows without one, and a stored value that does not
 * read go unchanged: a trace context is a hint, never a reason to hold a message back.
 */
export function withStoredTrace(job: OutboxJob, stored: unknown): OutboxJob {
  if (stored === null || stored === undefined || job.kind !== 'send') return job;
  const trace = traceContextSchema.safeParse(typeof stored === 'string' ? safeJson(stored) : stored);
  return trace.success ? { kind: 'send', data: { ...job.data, trace: trace.data } } : job;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
