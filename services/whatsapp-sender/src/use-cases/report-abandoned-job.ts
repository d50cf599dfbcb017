import { markReadJobSchema, sendMessageJobSchema, WIRE, type SendError } from '@app/contracts';
import type { Logger } from '@app/logging';
import { readResultEvent, sendResultEvent } from '../domain/send-result';
import type { SendMessageDeps } from './ports';

/**
 * BullMQ gives an outbound job up without asking us when its workers kept dying while holding it (stalled
 * more than maxStalledCount times). It would then have no outcome, and the producer would hold the
 * student's next messages forever: report it failed (unless an outcome was recorded), code 0, class
 * temporary, since Meta may or may not have it.
 */
export async function reportAbandonedJob(
  deps: Pick<SendMessageDeps, 'store' | 'publisher' | 'metrics' | 'now'>,
  input: { name: string; data: unknown; reason: string; log: Logger },
): Promise<void> {
  const send = input.name === WIRE.jobs.sendMessage ? sendMessageJobSchema.safeParse(input.data).data : undefined;
  const read = input.name === WIRE.jobs.markRead ? markReadJobSchema.safeParse(input.data).data : undefined;
  const id = send?.messageId ?? read?.requestId;
  if (id === undefined) return;
  const state = await deps.store.get(id);
  if (state?.status === 'accepted' || state?.status === 'failed') return;
  const error: SendError = { code: 0, title: `abandoned: ${input.reason}`.slice(0, 1024), class: 'temporary' };
  const attempts = state?.attempts ?? 0;
  const retry = state?.retry ?? 0;
  await deps.store.recordFailed(id, error, attempts);
  if (send)
    await deps.publisher.sendResult(
      sendResultEvent({ outcome: 'failed', messageId: id, error, attempts }, send.correlationId, deps.now(), retry),
    );
  if (read) {
    await deps.publisher.readResult(
      readResultEvent({ outcome: 'failed', requestId: id, wamid: read.wamid, error, attempts }, read.correlationId, deps.now(), retry),
    );
  }
  deps.metrics.attemptSettled('failed', error.class, error.code);
  input.log.error({ id, reason: input.reason }, 'outbound job abandoned by its workers; reported failed');
}
