import { deleteIdempotencyKeysBefore } from '../../db/repositories/idempotency.repository';
import { IDEMPOTENCY_KEY_TTL_MS } from '../../domain/support/idempotency';
import type { Changes } from '../shared/changes';
import { autoEndChats } from './auto-end-chats';
import { autoAssignChats } from './auto-assign-chats';
import { autoReassignChats } from './auto-reassign-chats';
import { refreshQueuePositions } from './refresh-queue-positions';
import type { SupportDeps } from '../shared/support-transaction';

/**
 * The engine's periodic support housekeeping (every minute, on every replica; each step is safe to run side
 * by side): end the chats whose 24-hour window closed, tell waiting students a place in line the minute rule
 * held back, forget idempotency keys older than a day. `committed` follows each step's commit (live events).
 */
export async function sweepSupport(
  deps: SupportDeps,
  committed: (changes: Changes) => Promise<void>,
): Promise<{ ended: number; told: number; keysForgotten: number }> {
  const ended = await autoEndChats(deps);
  // Positions are refreshed just below, whatever the auto-end did.
  await committed({ ...ended.changes, queueChanged: false });
  // Unanswered chats move on, then whatever waits is offered (agents whose presence lapsed are skipped).
  await committed({ ...(await autoReassignChats(deps)).changes, queueChanged: false });
  await committed({ ...(await autoAssignChats(deps)).changes, queueChanged: false });
  const told = await refreshQueuePositions(deps);
  await committed(told.changes);
  const keysForgotten = await deleteIdempotencyKeysBefore(deps.db, new Date(deps.now().getTime() - IDEMPOTENCY_KEY_TTL_MS));
  return { ...ended.outcome, ...told.outcome, keysForgotten };
}
