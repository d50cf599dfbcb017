import { updateConversation } from '../../db/repositories/conversations.repository';
import { findStudent } from '../../db/repositories/students.repository';
import { endSupportChat, lockOpenChatsPastWindow } from '../../db/repositories/support-chats.repository';
import { parseBotState, positionAfterSilentEnd } from '../../domain/bot';
import { SERVICE_WINDOW_MS } from '../../domain/support/service-window';
import { mergeChanges, noChanges, type Changes, type Committed } from '../shared/changes';
import type { SupportDeps } from '../shared/support-transaction';

/**
 * Ends the open chats whose student has not written for 24 hours: their window is closed, so no admin can
 * answer them any more and no message can tell them (none is queued). Reason service_window_closed, ended by
 * the system. Batches of `batchSize`, each its own transaction; SKIP LOCKED lets replicas sweep side by side.
 */
export async function autoEndChats(deps: Pick<SupportDeps, 'db' | 'now'>, batchSize = 100): Promise<Committed<{ ended: number }>> {
  const now = deps.now();
  const cutoff = new Date(now.getTime() - SERVICE_WINDOW_MS);
  const all: Changes[] = [];
  for (;;) {
    const batch = await deps.db.transaction().execute(async (trx) => {
      const rows = await lockOpenChatsPastWindow(trx, cutoff, batchSize);
      const changes = noChanges();
      for (const row of rows) {
        await endSupportChat(trx, row.id, { by: 'system', reason: 'service_window_closed', at: now });
        const registered = (await findStudent(trx, row.conversation_id)) !== null;
        await updateConversation(trx, row.conversation_id, {
          support_status: 'ended',
          bot_state: positionAfterSilentEnd(parseBotState(row.bot_state), registered),
        });
        changes.conversations.push(row.conversation_id);
        changes.queueChanged ||= row.status === 'waiting';
      }
      return { changes, count: rows.length };
    });
    all.push(batch.changes);
    if (batch.count < batchSize) {
      const changes = mergeChanges(...all);
      return { outcome: { ended: changes.conversations.length }, changes };
    }
  }
}
