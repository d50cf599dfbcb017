import type { Transaction } from 'kysely';
import type { InboundMessageReceivedV1 } from '@app/contracts';
import type { EngineDatabase } from '../adapters/db/database';
import { updateConversation, upsertConversationForUpdate } from '../adapters/db/conversations.repository';
import { nextHomeworkNumber } from '../adapters/db/homework.repository';
import { claimInboundEvent } from '../adapters/db/inbound-dedupe.repository';
import { insertMessage } from '../adapters/db/messages.repository';
import { countWaitingChats } from '../adapters/db/support-chats.repository';
import {
  handleInbound,
  homeworkReference,
  needsHomeworkReference,
  parseBotState,
  type BotContent,
  type BotContext,
  type ConversationSnapshot,
} from '../domain/bot';
import { inboundText, toInboundInput } from '../domain/inbound-input';
import { applyBotEvents } from './apply-bot-events';
import { queueMediaDownload } from './queue-media-download';
import type { Changes } from './changes';
import { writeOutboundMessage } from './write-outbound-message';

export interface InboundTurnDeps {
  now: Date;
  newId: () => string;
  content: BotContent;
}

export type ProcessInboundResult =
  | { outcome: 'duplicate' }
  | { outcome: 'processed'; conversationId: string; messageId: string; replies: string[]; changes: Changes };

/**
 * One inbound message inside the caller's transaction (a partition's batch): the dedupe row (wamid), the
 * conversation, the stored message, the bot's decision (new position, profile, homework, support status)
 * and its replies in the outbox commit together or not at all. A redelivery finds the dedupe row and
 * changes nothing, so the caller can ack it again. The conversation row stays locked until commit, so
 * nothing else changes it while the bot decides; a later message of the same student in the same batch
 * reads what this one wrote.
 */
export async function processInboundMessage(trx: Transaction<EngineDatabase>, deps: InboundTurnDeps, event: InboundMessageReceivedV1): Promise<ProcessInboundResult> {
  const { message, profileName } = event.data;
  const { now } = deps;
  if (!(await claimInboundEvent(trx, event.id))) return { outcome: 'duplicate' };

  const conversation = await upsertConversationForUpdate(trx, message.from, profileName);
  const input = toInboundInput(message);
  const messageId = deps.newId();
  const text = inboundText(input);
  await insertMessage(trx, {
    id: messageId,
    conversation_id: conversation.id,
    direction: 'inbound',
    author: 'student',
    type: message.type,
    text,
    content: JSON.stringify(message),
    wamid: message.id,
    status: 'received',
    error: null,
    agent_id: null,
    agent_name: null,
    correlation_id: event.correlationId,
    created_at: now,
  });
  await queueMediaDownload(trx, { input, messageId, conversationId: conversation.id, wamid: message.id, from: message.from, correlationId: event.correlationId, newId: deps.newId });

  const snapshot: ConversationSnapshot = {
    phoneNumber: conversation.phone_number,
    profileName: conversation.profile_name,
    student:
      conversation.student_name !== null
        ? { name: conversation.student_name, email: conversation.student_email ?? '', className: conversation.student_class_name ?? '' }
        : null,
    botState: parseBotState(conversation.bot_state),
    support: { status: conversation.support_status, lastReceiptAt: conversation.support_receipt_at },
  };
  const reference = needsHomeworkReference(snapshot, input) ? homeworkReference(await nextHomeworkNumber(trx)) : undefined;
  const context: BotContext = { now, ...(reference ? { homeworkReference: reference } : {}) };
  let decision = handleInbound(snapshot, input, deps.content, context);
  if (decision.events.some((e) => e.type === 'support.requested')) {
    // The bot is pure: decided again knowing the line it joins (counted only when someone asks to join it).
    decision = handleInbound(snapshot, input, deps.content, { ...context, supportChatsWaiting: await countWaitingChats(trx) });
  }
  const { queueChanged } = await applyBotEvents(trx, { conversationId: conversation.id, messageId, now }, decision.events);

  const replies: string[] = [];
  let lastPreview = text ?? `[${message.type}]`;
  for (const reply of decision.replies) {
    const written = await writeOutboundMessage(trx, {
      id: deps.newId(),
      conversationId: conversation.id,
      to: conversation.phone_number,
      message: reply,
      author: 'bot',
      correlationId: event.correlationId,
      now,
    });
    replies.push(written.id);
    lastPreview = written.preview;
  }
  await updateConversation(trx, conversation.id, {
    bot_state: decision.botState,
    last_inbound_at: now,
    // The student wrote: whatever Meta said about the old window (131047), a new one is open.
    service_window_closed_at: null,
    last_message_at: now,
    last_message_preview: lastPreview.slice(0, 200),
  });
  const changes: Changes = { messagesCreated: [messageId, ...replies], messagesStatus: [], conversations: [conversation.id], queueChanged };
  return { outcome: 'processed', conversationId: conversation.id, messageId, replies, changes };
}
