import type { EngineHarness } from './engine-harness';
import { describeReply, registeredStudent, type StudentTalking } from './student-driver';

/** A registered student who asked for a support chat (waiting in line). */
export async function studentInLine(
  h: EngineHarness,
  name = 'Ada Lovelace',
  ids: Parameters<typeof registeredStudent>[2] = {},
): Promise<StudentTalking> {
  const student = await registeredStudent(h, name, ids);
  await student.says('support');
  return student;
}

/** What the engine wrote to a student, in order, with its author. */
export async function outboundTo(h: EngineHarness, phone: string) {
  const { messages } = await h.conversationRows(phone);
  return messages
    .filter((m) => m.direction === 'outbound')
    .map((m) => ({ id: m.id, author: m.author, agentName: m.agent_name, status: m.status, ...describeReply(m.content) }));
}

export async function supportChatsOf(h: EngineHarness, phone: string) {
  return h.db
    .selectFrom('support_chats')
    .innerJoin('conversations', 'conversations.id', 'support_chats.conversation_id')
    .selectAll('support_chats')
    .where('conversations.phone_number', '=', phone)
    .orderBy('support_chats.requested_at')
    .execute();
}

export async function outboxOf(h: EngineHarness, phone: string) {
  return h.db
    .selectFrom('outbox')
    .innerJoin('conversations', 'conversations.id', 'outbox.conversation_id')
    .select(['outbox.message_id', 'outbox.seq'])
    .where('conversations.phone_number', '=', phone)
    .orderBy('outbox.seq')
    .execute();
}
