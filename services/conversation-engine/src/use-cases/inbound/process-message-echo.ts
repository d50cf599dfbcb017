import type { Transaction } from 'kysely';
import type { InboundEchoReceivedV1 } from '@app/contracts';
import { updateConversation } from '../../db/repositories/conversations.repository';
import type { EngineDatabase } from '../../db/database';
import { insertMessage } from '../../db/repositories/messages.repository';
import { echoText } from '../../domain/message-echo';
import type { Changes } from '../shared/changes';
import type { InboundBatchWrites } from '../shared/inbound-batch-writes';
import type { ConversationState } from './process-inbound-message';

export type ProcessEchoResult =
  { outcome: 'duplicate' } | { outcome: 'processed'; conversationId: string; messageId: string; changes: Changes };

/**
 * A message the school sent from the WhatsApp Business app (already claimed: its dedupe row is in the batch's
 * transaction): stored as an outbound message of the student's conversation, written by a person at the school
 * (author `agent`, source `business_app`), already `sent` and with its wamid, so that later statuses find it.
 * Nothing else moves: the bot does not answer it and keeps its position, the support chat keeps its status,
 * and the 24-hour window is not opened or renewed (only the student's own messages do that; last_inbound_at
 * and service_window_closed_at are left as they are). Only the conversation's last message changes.
 */
export async function processMessageEcho(
  trx: Transaction<EngineDatabase>,
  deps: { now: Date; newId: () => string },
  writes: InboundBatchWrites,
  conversation: ConversationState,
  event: InboundEchoReceivedV1,
): Promise<ProcessEchoResult> {
  const { echo } = event.data;
  // The student's turns before it in the batch go first: the history keeps their order, and a turn written
  // later must not put back an older last message.
  await writes.flush(trx);
  const messageId = deps.newId();
  const text = echoText(echo);
  await insertMessage(trx, {
    id: messageId,
    conversation_id: conversation.id,
    direction: 'outbound',
    author: 'agent',
    source: 'business_app',
    type: echo.type,
    text,
    content: JSON.stringify(echo),
    wamid: echo.id,
    status: 'sent',
    error: null,
    agent_id: null,
    agent_name: null,
    correlation_id: event.correlationId,
    created_at: deps.now,
  });
  await updateConversation(trx, conversation.id, {
    last_message_at: deps.now,
    last_message_preview: (text ?? `[${echo.type}]`).slice(0, 200),
  });
  const changes: Changes = { messagesCreated: [messageId], messagesStatus: [], conversations: [conversation.id], queueChanged: false };
  return { outcome: 'processed', conversationId: conversation.id, messageId, changes };
}
