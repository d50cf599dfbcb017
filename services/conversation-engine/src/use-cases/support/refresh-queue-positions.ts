import { lockConversation } from '../../db/repositories/conversations.repository';
import { findOpenChat, queuePositionOf, setQueuePositionTold, waitingChatsInOrder } from '../../db/repositories/support-chats.repository';
import { queuePositionMessage } from '../../domain/bot';
import { shouldTellQueuePosition } from '../../domain/support/queue-position';
import { isServiceWindowOpen, windowOf } from '../../domain/support/service-window';
import { mergeChanges, type Changes, type Committed } from '../shared/changes';
import { expectedWaitWording } from './assignment-expected-wait';
import { loadContent, outgoing, type SupportDeps } from '../shared/support-transaction';

/**
 * Tells waiting students their new place in line when the rule in domain/support/queue-position.ts says so.
 * Runs after a chat left the line (before the command that moved it is answered) and on every sweep. Each
 * student is one transaction that takes their conversation's lock, waiting for whoever holds it (their own
 * message, or another run telling them: a sweep, another replica), then decides again from what is committed
 * then. So two runs never tell the same thing twice, and when a run returns, what it had to say is said.
 */
export async function refreshQueuePositions(deps: SupportDeps): Promise<Committed<{ told: number }>> {
  const now = deps.now();
  const line = await waitingChatsInOrder(deps.db);
  const candidates = line.filter((chat, i) =>
    shouldTellQueuePosition({ position: chat.queue_position_told, at: chat.queue_position_told_at }, i + 1, now),
  );
  if (candidates.length === 0) return { outcome: { told: 0 }, changes: mergeChanges() };
  const content = await loadContent(deps.db);
  const withWait = await expectedWaitWording(deps.db, now);
  const all: Changes[] = [];
  for (const candidate of candidates) {
    const changes = await deps.db.transaction().execute(async (trx): Promise<Changes | undefined> => {
      const conversation = await lockConversation(trx, candidate.conversation_id);
      if (!conversation || !isServiceWindowOpen(windowOf(conversation), now)) return undefined;
      const chat = await findOpenChat(trx, conversation.id);
      if (!chat || chat.id !== candidate.id || chat.status !== 'waiting') return undefined;
      const position = await queuePositionOf(trx, chat);
      if (!shouldTellQueuePosition({ position: chat.queue_position_told, at: chat.queue_position_told_at }, position, now))
        return undefined;
      const out = outgoing(trx, conversation, { now, newId: deps.newId, correlationId: `queue-position:${chat.id}:${position}` });
      await out.write(withWait(queuePositionMessage(content, position), position), 'system');
      await setQueuePositionTold(trx, chat.id, position, now);
      await out.touchConversation();
      return { messagesCreated: out.written, messagesStatus: [], conversations: [conversation.id], queueChanged: false };
    });
    if (changes) all.push(changes);
  }
  const changes = mergeChanges(...all);
  return { outcome: { told: changes.messagesCreated.length }, changes };
}
