import type { Actor, MessageView } from '@app/contracts';
import { updateConversation } from '../../db/repositories/conversations.repository';
import { findIdempotentMessageId, lockIdempotencyKey, saveIdempotencyKey } from '../../db/repositories/idempotency.repository';
import { claimSupportChat, recordFirstResponse } from '../../db/repositories/support-chats.repository';
import { recordAgentReply } from '../../db/repositories/assignment.repository';
import { agentJoinedMessage } from '../../domain/bot';
import { EngineCommandError } from '../../domain/engine-error';
import { IDEMPOTENCY_KEY_TTL_MS } from '../../domain/support/idempotency';
import { onSend } from '../../domain/support/lifecycle';
import { isServiceWindowOpen, windowOf } from '../../domain/support/service-window';
import { noChanges, type Changes, type Committed } from '../shared/changes';
import { loadContent, lockSupportConversation, messageView, openChatOf, outgoing, type SupportDeps } from '../shared/support-transaction';

export interface SendAgentMessageRequest {
  actor: Actor;
  /** Phone digits or business-scoped user id. */
  student: string;
  message: string;
  idempotency_key: string;
  correlationId: string;
}

/**
 * An admin's message to a student: stored as the agent's (id and name) and queued in the outbox, in one
 * transaction with its idempotency key, so a repeated key within 24 hours answers the first message and
 * queues nothing. Sending into a waiting chat claims it (the student is told who joined first); into an
 * active chat, whoever holds it, it leaves the assignment as it is. Refused with no open chat
 * (chat_not_active) and, before anything is queued, when the 24-hour window is closed.
 */
export async function sendAgentMessage(deps: SupportDeps, request: SendAgentMessageRequest): Promise<Committed<{ message: MessageView }>> {
  const now = deps.now();
  const agent = { id: request.actor.id, name: request.actor.name };
  const key = request.idempotency_key;
  return deps.db.transaction().execute(async (trx) => {
    await lockIdempotencyKey(trx, key);
    const earlier = await findIdempotentMessageId(trx, key, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS));
    if (earlier) return { outcome: { message: await messageView(trx, earlier) }, changes: noChanges() };

    const { conversation, chat } = await lockSupportConversation(trx, request.student);
    const transition = onSend(openChatOf(chat));
    if (transition.kind === 'refuse' || !chat) throw new EngineCommandError('chat_not_active', 'the student is not in a support chat');
    if (!isServiceWindowOpen(windowOf(conversation), now)) {
      throw new EngineCommandError('outside_service_window', "the student's 24-hour window is closed: only a template could reach them");
    }

    const out = outgoing(trx, conversation, { now, newId: deps.newId, correlationId: request.correlationId });
    const claims = transition.kind === 'claim';
    if (claims) {
      await claimSupportChat(trx, chat.id, agent, now);
      await updateConversation(trx, conversation.id, { support_status: 'active' });
      await out.write(agentJoinedMessage(await loadContent(trx), agent.name), 'system');
    }
    const messageId = await out.write({ kind: 'text', body: request.message }, 'agent', agent);
    await recordFirstResponse(trx, chat.id, now);
    await recordAgentReply(trx, chat.id, now);
    await saveIdempotencyKey(trx, key, messageId, now);
    await out.touchConversation();

    const changes: Changes = { messagesCreated: out.written, messagesStatus: [], conversations: [conversation.id], queueChanged: claims };
    return { outcome: { message: await messageView(trx, messageId) }, changes };
  });
}
