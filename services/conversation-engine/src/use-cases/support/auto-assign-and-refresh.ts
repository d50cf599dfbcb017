import { mergeChanges, type Committed } from '../shared/changes';
import { autoAssignChats } from './auto-assign-chats';
import { refreshQueuePositions } from './refresh-queue-positions';
import type { SupportDeps } from '../shared/support-transaction';

/**
 * What follows a commit that moved the line or freed an agent: waiting chats are offered first, then the
 * students still in line hear their new place (after the offers, so the place counts them out).
 */
export async function autoAssignAndRefresh(deps: SupportDeps): Promise<Committed<{ offered: number; told: number }>> {
  const offered = await autoAssignChats(deps);
  const told = await refreshQueuePositions(deps);
  return { outcome: { ...offered.outcome, ...told.outcome }, changes: mergeChanges(offered.changes, told.changes) };
}
