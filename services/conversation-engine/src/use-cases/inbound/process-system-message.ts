import type { Transaction } from 'kysely';
import type { InboundMessageReceivedV1 } from '@app/contracts';
import { updateConversation } from '../../db/repositories/conversations.repository';
import type { EngineDatabase } from '../../db/database';
import { insertMessage } from '../../db/repositories/messages.repository';
import { identityChange, systemMessageText } from '../../domain/identity-change';
import type { Changes } from '../shared/changes';
import type { InboundBatchWrites } from '../shared/inbound-batch-writes';
import { inboundMessageRow, type ProcessInboundResult } from './process-inbound-message';
import { attachPhone, attachUserId } from '../shared/settle-student';
import type { StudentDirectory } from '../shared/student-directory';

/**
 * A `system` message from WhatsApp (already claimed): when it announces a new id for the student
 * (`user_changed_user_id`, `user_changed_number`, `customer_changed_number`) the conversation moves to it,
 * history and state staying on the row (merged with a conversation the new id already had). It is kept in
 * the history as the system's, and nothing else moves: no bot reply (it is not the student writing), the
 * bot keeps its position and the 24-hour window is neither opened nor renewed.
 */
export async function processSystemMessage(
  trx: Transaction<EngineDatabase>,
  deps: { now: Date; newId: () => string },
  writes: InboundBatchWrites,
  directory: StudentDirectory,
  conversationId: string,
  event: InboundMessageReceivedV1,
): Promise<ProcessInboundResult> {
  const { message } = event.data;
  // The student's turns before it go first: a merge moves rows, and they must be in the database to move.
  await writes.flush(trx);
  const change = identityChange(message);
  let id = conversationId;
  if (change?.kind === 'user_id') id = await attachUserId(trx, directory, id, change.userId, deps.now);
  if (change?.kind === 'phone') id = await attachPhone(trx, directory, id, change.phone, deps.now);
  const messageId = deps.newId();
  const text = systemMessageText(message);
  await insertMessage(trx, inboundMessageRow({ id: messageId, conversationId: id, author: 'system', text, event, now: deps.now }));
  await updateConversation(trx, id, { last_message_at: deps.now, last_message_preview: text.slice(0, 200) });
  const changes: Changes = { messagesCreated: [messageId], messagesStatus: [], conversations: [id], queueChanged: false };
  return { outcome: 'processed', conversationId: id, messageId, replies: [], changes };
}
