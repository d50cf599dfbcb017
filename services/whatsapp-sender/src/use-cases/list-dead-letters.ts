import type { DeadLetter } from '@app/contracts';
import { parseCursor, toDeadLetter } from '../domain/dead-letter';
import { ok, refuse, type RpcResult } from './rpc-result';
import type { DeadLetterQueue, SendStateStore } from './ports';

export interface DeadLetterPage {
  items: DeadLetter[];
  next_cursor: string | null;
  total: number;
}

/** A page of the jobs the sender gave up on (BullMQ's failed set, kept 7 days), newest first. */
export async function listDeadLetters(
  deps: { deadLetters: DeadLetterQueue; store: SendStateStore },
  input: { limit: number; cursor: string | undefined },
): Promise<RpcResult<DeadLetterPage>> {
  const offset = parseCursor(input.cursor);
  if (offset === undefined) return refuse('invalid_request', 'unknown cursor');
  const { jobs, total } = await deps.deadLetters.page(offset, input.limit);
  const states = await deps.store.getMany(jobs.map((job) => job.id));
  const next = offset + jobs.length;
  return ok({
    items: jobs.map((job, i) => toDeadLetter(job, states[i])),
    // Offsets shift when jobs fail or are retried between two pages: a page may repeat or skip an item.
    next_cursor: jobs.length > 0 && next < total ? String(next) : null,
    total,
  });
}
