import { nextStatus, type MessageStatus } from './message-status';

export type DeliveryError = { code: number; title: string };

/** The sender's verdict, as the engine applies it. `pending`: statuses that raced ahead of an accepted result. */
export type SendVerdict =
  { outcome: 'accepted'; pending: { status: string; error: DeliveryError | null }[] } | { outcome: 'failed'; error: DeliveryError };

export type SettledDelivery =
  /** A result of an older round than one already applied (an admin retry overtook it): nothing changes. */
  | { kind: 'stale' }
  /** error: undefined keeps the stored one, null clears it. */
  | { kind: 'update'; status: MessageStatus; error: DeliveryError | null | undefined; sendRetry: number };

/**
 * Applies one send result to a message. Round 0 is the first send; round n is the n-th admin retry of a dead
 * letter, whose result the sender publishes under its own event id. The highest round applied wins: a lower
 * one arriving late is stale. A newer round restarts a failed message from `queued` (the one exception to
 * "failed is terminal", and only because an admin sent it again), so its acceptance moves it to sent and a
 * newer failure replaces the old error. Within a round statuses only move forward.
 */
export function settleSendResult(
  current: { status: MessageStatus; sendRetry: number },
  round: number,
  verdict: SendVerdict,
): SettledDelivery {
  if (round < current.sendRetry) return { kind: 'stale' };
  const restarts = round > current.sendRetry && current.status === 'failed';
  const from: MessageStatus = restarts ? 'queued' : current.status;
  if (verdict.outcome === 'failed') {
    const next = nextStatus(from, 'failed');
    return next
      ? { kind: 'update', status: next, error: verdict.error, sendRetry: round }
      : { kind: 'update', status: from, error: undefined, sendRetry: round };
  }
  let status: MessageStatus = nextStatus(from, 'sent') ?? from;
  let error: DeliveryError | null | undefined = restarts ? null : undefined;
  for (const pending of verdict.pending) {
    const next = nextStatus(status, pending.status);
    if (!next) continue;
    status = next;
    if (next === 'failed') error = pending.error ?? { code: 0, title: 'failed' };
  }
  return { kind: 'update', status, error, sendRetry: round };
}
