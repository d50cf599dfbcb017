import { markReadJobSchema, sendMessageJobSchema, WIRE, type DeadLetter, type SendError } from '@app/contracts';
import { jobRecipient } from './addressee';
import type { SendState } from './send-state';

/** What BullMQ keeps of a failed job. */
export interface FailedJob {
  id: string;
  name: string;
  data: unknown;
  failedReason: string | undefined;
  finishedOn: number | undefined;
}

function describeJob(job: FailedJob): Pick<DeadLetter, 'kind' | 'to'> {
  if (job.name === WIRE.jobs.sendMessage) {
    const parsed = sendMessageJobSchema.safeParse(job.data);
    // A student who withholds their number is named by their business-scoped user id.
    if (parsed.success) return { kind: parsed.data.message.kind, to: jobRecipient(parsed.data) };
  }
  if (job.name === WIRE.jobs.markRead) {
    const parsed = markReadJobSchema.safeParse(job.data);
    if (parsed.success) return { kind: 'mark_read', to: parsed.data.to };
  }
  const data = job.data as { to?: unknown; recipient?: unknown } | null;
  const to = typeof data?.to === 'string' ? data.to : data?.recipient;
  return { kind: 'invalid', to: typeof to === 'string' ? to : null };
}

/**
 * A failed job as admins see it. The send state holds Meta's code and title; a job that failed without one
 * (invalid data, or given up after its workers kept dying) is described by BullMQ's failed reason.
 */
export function toDeadLetter(job: FailedJob, state: SendState | undefined): DeadLetter {
  const { kind, to } = describeJob(job);
  const fallback: SendError = {
    code: 0,
    title: (job.failedReason ?? 'failed without a reason').slice(0, 1024),
    class: kind === 'invalid' ? 'invalid_payload' : 'temporary',
  };
  const error = state?.status === 'failed' || state?.status === 'refused' ? state.error : fallback;
  return {
    message_id: job.id,
    to,
    kind,
    error,
    attempts: state?.attempts ?? 0,
    retries: state?.retry ?? 0,
    failed_at: new Date(job.finishedOn ?? 0).toISOString(),
  };
}

/** Dead-letter pages are offsets into BullMQ's failed set, newest first; undefined for a cursor we never gave. */
export function parseCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return 0;
  return /^\d{1,9}$/.test(cursor) ? Number(cursor) : undefined;
}
