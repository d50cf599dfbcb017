import type { Insertable, Transaction } from 'kysely';
import type { InboundMessageReceivedV1 } from '@app/contracts';
import type { EngineDatabase } from '../../db/database';
import type { MessagesTable } from '../../db/tables/conversation-tables';
import { nextHomeworkNumber } from '../../db/repositories/homework.repository';
import { reloadSupportAndStudent, type ConversationRow } from '../../db/repositories/inbound-batch.repository';
import { countWaitingChats } from '../../db/repositories/support-chats.repository';
import {
  handleInbound,
  homeworkReference,
  needsConsentContext,
  needsHomeworkReference,
  parseBotState,
  type BotContent,
  type BotContext,
  type BotState,
  type ConversationSnapshot,
  type StudentProfile,
  type SupportStatus,
} from '../../domain/bot';
import { inboundText, toInboundInput } from '../../domain/inbound-input';
import { applyBotEvents } from './apply-bot-events';
import { loadConsentContext } from '../../db/repositories/consent.repository';
import { loadExpectedWait } from '../support/assignment-expected-wait';
import { officeHoursContext } from '../support/office-hours-notice';
import { surveyForOpenChat } from '../csat/survey-for';
import type { Changes } from '../shared/changes';
import type { InboundBatchWrites } from '../shared/inbound-batch-writes';
import { queueMediaDownload } from './queue-media-download';
import { prepareOutboundMessage } from '../shared/write-outbound-message';

export interface InboundTurnDeps {
  now: Date;
  newId: () => string;
  content: BotContent;
}

export type ProcessInboundResult =
  { outcome: 'duplicate' } | { outcome: 'processed'; conversationId: string; messageId: string; replies: string[]; changes: Changes };

/** A student's conversation as the batch has left it so far (its row is locked by the batch). */
export interface ConversationState {
  id: string;
  /** Null for a student known only by their business-scoped user id. */
  phoneNumber: string | null;
  userId: string | null;
  profileName: string | null;
  username: string | null;
  student: StudentProfile | null;
  botState: BotState;
  supportStatus: SupportStatus;
  supportReceiptAt: Date | null;
  /** The batch wrote a send to this conversation: the next one waits its turn (writeBatch checks the older ones). */
  sendPending: boolean;
}

const studentOf = (row: {
  student_name: string | null;
  student_email: string | null;
  student_class_name: string | null;
}): StudentProfile | null =>
  row.student_name !== null ? { name: row.student_name, email: row.student_email ?? '', className: row.student_class_name ?? '' } : null;

export function conversationState(row: ConversationRow): ConversationState {
  return {
    id: row.id,
    phoneNumber: row.phone_number,
    userId: row.user_id,
    profileName: row.profile_name,
    username: row.username,
    student: studentOf(row),
    botState: parseBotState(row.bot_state),
    supportStatus: row.support_status,
    supportReceiptAt: row.support_receipt_at,
    sendPending: false,
  };
}

/** The history row of a message WhatsApp delivered: the student's own, or a system notice about them. */
export function inboundMessageRow(opts: {
  id: string;
  conversationId: string;
  author: 'student' | 'system';
  text: string | null;
  event: InboundMessageReceivedV1;
  now: Date;
}): Insertable<MessagesTable> {
  const { message } = opts.event.data;
  return {
    id: opts.id,
    conversation_id: opts.conversationId,
    direction: 'inbound',
    author: opts.author,
    type: message.type,
    text: opts.text,
    content: JSON.stringify(message),
    wamid: message.id,
    status: 'received',
    error: null,
    agent_id: null,
    agent_name: null,
    correlation_id: opts.event.correlationId,
    created_at: opts.now,
  };
}

/**
 * One inbound message (already claimed: its dedupe row is in the batch's transaction): the stored message,
 * the bot's decision (new position, profile, homework, support status) and its replies in the outbox, all
 * committed with the batch or not at all. The state it leaves is where the student's next message in the
 * same batch starts from.
 */
export async function processInboundMessage(
  trx: Transaction<EngineDatabase>,
  deps: InboundTurnDeps,
  writes: InboundBatchWrites,
  conversation: ConversationState,
  event: InboundMessageReceivedV1,
): Promise<ProcessInboundResult> {
  const { message } = event.data;
  const { now } = deps;
  const input = toInboundInput(message);
  const messageId = deps.newId();
  const text = inboundText(input);
  writes.addMessage(inboundMessageRow({ id: messageId, conversationId: conversation.id, author: 'student', text, event, now }));
  if (input.kind === 'media') {
    writes.otherOutbox = true;
    await writes.flush(trx);
    await queueMediaDownload(trx, {
      input,
      messageId,
      conversationId: conversation.id,
      wamid: message.id,
      phone: conversation.phoneNumber,
      correlationId: event.correlationId,
      newId: deps.newId,
    });
  }

  const snapshot: ConversationSnapshot = {
    phoneNumber: conversation.phoneNumber,
    profileName: conversation.profileName,
    username: conversation.username,
    student: conversation.student,
    botState: conversation.botState,
    support: { status: conversation.supportStatus, lastReceiptAt: conversation.supportReceiptAt },
  };
  const reference = needsHomeworkReference(snapshot, input) ? homeworkReference(await nextHomeworkNumber(trx)) : undefined;
  // The school's consent rules, read only for the turns they can change (the end of registration, homework).
  const consent = needsConsentContext(snapshot, input) ? await loadConsentContext(trx, conversation.id) : undefined;
  const context: BotContext = { now, ...(reference ? { homeworkReference: reference } : {}), ...(consent ? { consent } : {}) };
  let decision = handleInbound(snapshot, input, deps.content, context);
  if (decision.events.some((e) => e.type === 'support.requested')) {
    // The bot is pure: decided again knowing the line it joins (counted only when someone asks to join it).
    const officeHours = await officeHoursContext(trx, now);
    const expectedWait = await loadExpectedWait(trx, now);
    decision = handleInbound(snapshot, input, deps.content, {
      ...context,
      supportChatsWaiting: await countWaitingChats(trx),
      ...officeHours,
      expectedWait,
    });
  }
  if (decision.events.some((e) => e.type === 'support.ended')) {
    // Decided again knowing whether the chat ending gets the satisfaction survey (read only when one ends).
    const csat = await surveyForOpenChat(trx, conversation.id);
    if (csat) decision = handleInbound(snapshot, input, deps.content, { ...context, csat });
  }
  let queueChanged = false;
  if (decision.events.length > 0) {
    // Rare turns (registration, homework, support) write through their own statements, after the rows they name.
    writes.otherOutbox = true;
    await writes.flush(trx);
    ({ queueChanged } = await applyBotEvents(trx, { conversationId: conversation.id, messageId, now }, decision.events));
    const reloaded = await reloadSupportAndStudent(trx, conversation.id);
    conversation.student = studentOf(reloaded);
    conversation.supportStatus = reloaded.support_status;
    conversation.supportReceiptAt = reloaded.support_receipt_at;
  }

  const replies: string[] = [];
  let lastPreview = text ?? `[${message.type}]`;
  for (const reply of decision.replies) {
    const id = deps.newId();
    const prepared = prepareOutboundMessage({
      id,
      conversationId: conversation.id,
      student: { phone: conversation.phoneNumber, userId: conversation.userId },
      message: reply,
      author: 'bot',
      correlationId: event.correlationId,
      now,
    });
    writes.addMessage(prepared.row);
    writes.addOutbox({
      id,
      kind: 'send',
      message_id: id,
      conversation_id: conversation.id,
      job: JSON.stringify(prepared.job),
      first: !conversation.sendPending,
    });
    conversation.sendPending = true;
    replies.push(id);
    lastPreview = prepared.preview;
  }
  conversation.botState = decision.botState;
  writes.setTurn({
    id: conversation.id,
    botState: decision.botState,
    lastInboundAt: now,
    lastMessageAt: now,
    lastMessagePreview: lastPreview.slice(0, 200),
  });
  const changes: Changes = { messagesCreated: [messageId, ...replies], messagesStatus: [], conversations: [conversation.id], queueChanged };
  return { outcome: 'processed', conversationId: conversation.id, messageId, replies, changes };
}
