import type { Actor, ConversationView } from '@app/contracts';
import { markConversationRead } from '../../db/repositories/conversations.repository';
import { latestInboundMessage } from '../../db/repositories/messages.repository';
import { isInSupport } from '../../domain/bot';
import { planMarkRead } from '../../domain/support/mark-read';
import { isServiceWindowOpen, windowOf } from '../../domain/support/service-window';
import type { Changes, Committed } from '../shared/changes';
import { queueMarkRead } from './queue-mark-read';
import { conversationView, lockSupportConversation, type SupportDeps } from '../shared/support-transaction';

/**
 * An admin opened the conversation: everything in it so far counts as read. The marker is the conversation's,
 * shared by all admins: the console's unread count answers "has anyone on the team seen this?", which is what
 * a shared support inbox needs (a per-admin marker would keep a chat unread for everyone who did not open it).
 *
 * The student sees it too: a mark-as-read of their newest message (domain/support/mark-read.ts) goes to the
 * outbox under the conversation's lock, so it takes its place in the student's order, after what was written
 * to them before and ahead of any reply written after it; the relay holds that reply until the read's result.
 */
export async function markRead(
  deps: SupportDeps,
  request: { actor: Actor; student: string; correlationId: string },
): Promise<Committed<{ conversation: ConversationView }>> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { conversation } = await lockSupportConversation(trx, request.student);
    await markConversationRead(trx, conversation.id, now, request.actor.id);
    const plan = planMarkRead({
      newestInbound: await latestInboundMessage(trx, conversation.id),
      windowOpen: isServiceWindowOpen(windowOf(conversation), now),
      inSupportChat: isInSupport(conversation.support_status),
    });
    const queued = plan
      ? await queueMarkRead(trx, {
          kind: 'mark_read',
          conversation,
          target: plan,
          typingIndicator: plan.typingIndicator,
          correlationId: request.correlationId,
          newId: deps.newId,
        })
      : false;
    const changes: Changes = {
      messagesCreated: [],
      messagesStatus: [],
      conversations: [conversation.id],
      queueChanged: false,
      relay: queued,
    };
    return { outcome: { conversation: await conversationView(trx, conversation.id) }, changes };
  });
}
