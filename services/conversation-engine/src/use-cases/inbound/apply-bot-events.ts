import type { Transaction } from 'kysely';
import type { BotEvent } from '../../domain/bot';
import type { EngineDatabase } from '../../db/database';
import { updateConversation } from '../../db/repositories/conversations.repository';
import { insertHomeworkSubmission } from '../../db/repositories/homework.repository';
import { saveAgeBand, saveGuardianConsent } from '../../db/repositories/consent.repository';
import { markChatArrivedOutsideHours } from '../../db/repositories/office-hours.repository';
import { saveStudent, updateStudentField } from '../../db/repositories/students.repository';
import { endSupportChat, findOpenChat, insertSupportChat } from '../../db/repositories/support-chats.repository';
import { applyCsatEvent } from '../shared/apply-csat-event';

/** How consent given in the chat is described in the record (the message history holds the exchange itself). */
const WHATSAPP_EVIDENCE = "guardian confirmed on WhatsApp from the student's number";

/**
 * Persists what the bot decided happened, inside the inbound message's transaction. Tells the caller whether
 * a waiting chat left the line (the students behind it move up).
 */
export async function applyBotEvents(
  trx: Transaction<EngineDatabase>,
  turn: { conversationId: string; messageId: string; now: Date },
  events: readonly BotEvent[],
): Promise<{ queueChanged: boolean }> {
  const { conversationId, now } = turn;
  let queueChanged = false;
  for (const event of events) {
    switch (event.type) {
      case 'student.registered':
        await saveStudent(trx, conversationId, event.profile, now);
        break;
      case 'student.profile_updated':
        await updateStudentField(trx, conversationId, event.field, event.value, now);
        break;
      case 'homework.submitted':
        await insertHomeworkSubmission(trx, { ...event, conversationId, messageId: turn.messageId, at: now });
        break;
      case 'support.requested':
        await insertSupportChat(trx, { conversationId, requestedBy: 'student', at: now, queuePositionTold: event.queuePosition });
        // A fresh chat: the first message in it gets a receipt.
        await updateConversation(trx, conversationId, { support_status: 'waiting', support_requested_at: now, support_receipt_at: null });
        if (event.outsideHours) await markChatArrivedOutsideHours(trx, conversationId);
        // A new chat in line: offered to an available agent after the commit (assignment).
        queueChanged = true;
        break;
      case 'support.receipt_sent':
        await updateConversation(trx, conversationId, { support_receipt_at: now });
        break;
      case 'support.ended': {
        const chat = await findOpenChat(trx, conversationId);
        if (chat) {
          const reason = event.by === 'system' ? 'service_window_closed' : event.by;
          await endSupportChat(trx, chat.id, { by: event.by, reason, at: now });
          // A waiting chat left the line; an active one freed its agent's seat (assignment offers the next).
          queueChanged = true;
        }
        await updateConversation(trx, conversationId, { support_status: 'ended' });
        break;
      }
      case 'student.age_band_given':
        await saveAgeBand(trx, conversationId, event.ageBand, now);
        break;
      case 'consent.given':
        await saveGuardianConsent(
          trx,
          conversationId,
          { ...event, method: 'whatsapp', evidence: WHATSAPP_EVIDENCE, givenAt: now, recordedBy: null },
          now,
        );
        break;
      case 'csat.asked':
      case 'csat.rated':
      case 'csat.commented':
        await applyCsatEvent(trx, { conversationId, now }, event);
        break;
    }
  }
  return { queueChanged };
}
