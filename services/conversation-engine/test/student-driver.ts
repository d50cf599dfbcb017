import { outboundMessageSchema, type OutboundMessage } from '@app/contracts';
import { buildButtonReply, buildListReply, buildTextMessage, newPhone, newWamid, pollUntil, sender } from '@app/testing';
import type { EngineHarness } from './engine-harness';

export interface Reply {
  kind: OutboundMessage['kind'];
  body: string;
  /** The ids the student can tap in it (buttons or list rows). */
  ids: string[];
  message: OutboundMessage;
}

export function describeReply(content: unknown): Reply {
  const message = outboundMessageSchema.parse(content);
  const body = message.kind === 'text' || message.kind === 'buttons' || message.kind === 'list' ? message.body : '';
  const ids =
    message.kind === 'buttons'
      ? message.buttons.map((b) => b.id)
      : message.kind === 'list'
        ? message.sections.flatMap((s) => s.rows.map((r) => r.id))
        : [];
  return { kind: message.kind, body, ids, message };
}

/**
 * One student talking to the engine through JetStream. Each call publishes one message, waits until the
 * engine committed it (its row exists: the replies are written in the same transaction) and returns the
 * replies written for it, read from Postgres in the order they were written. The student is named by a phone
 * (a new one by default), by a business-scoped user id (`userId`; with `phone: null` for a username-only
 * student who withholds their number), or by both, as their payloads carry them.
 */
export function studentTalking(
  h: EngineHarness,
  opts: { phone?: string | null; userId?: string; profileName?: string; username?: string } = {},
) {
  const phone = opts.phone === undefined ? newPhone() : opts.phone;
  const userId = opts.userId ?? null;
  const key: string = userId ?? phone ?? '';
  if (key === '') throw new Error('a student talking needs a phone or a user id');
  const from = sender({ phone, userId });
  const profile = { ...(opts.profileName ? { profileName: opts.profileName } : {}), ...(opts.username ? { username: opts.username } : {}) };

  async function send(message: Record<string, unknown>): Promise<Reply[]> {
    const event = await h.publishMessage(message, profile);
    await pollUntil(async () => (await h.conversationRows(key)).messages.some((m) => m.wamid === event.id), {
      message: `message ${event.id} processed`,
    });
    return repliesTo(event.correlationId);
  }

  async function repliesTo(correlationId: string): Promise<Reply[]> {
    const { messages } = await h.conversationRows(key);
    return messages.filter((m) => m.direction === 'outbound' && m.correlation_id === correlationId).map((m) => describeReply(m.content));
  }

  const media = (type: 'image' | 'document' | 'sticker', fields: Record<string, string>) => ({
    ...from,
    id: newWamid(),
    timestamp: String(Math.floor(Date.now() / 1000)),
    type,
    [type]: fields,
  });

  return {
    /** The phone ('' for a student who withholds it: no conversation is ever keyed by it). */
    phone: phone ?? '',
    userId,
    /** How admins and these helpers name the student: the BSUID when known, else the phone. */
    key,
    says: (text: string) => send(buildTextMessage({ ...from, text })),
    taps: (replyId: string, title?: string) => send(buildButtonReply({ ...from, replyId, ...(title ? { title } : {}) })),
    picks: (replyId: string, title?: string) => send(buildListReply({ ...from, replyId, ...(title ? { title } : {}) })),
    sendsImage: (fields: { id: string; mime_type: string; sha256: string; caption?: string }) => send(media('image', fields)),
    sendsDocument: (fields: { id: string; mime_type: string; sha256: string; filename?: string; caption?: string }) =>
      send(media('document', fields)),
    sendsSticker: () => send(media('sticker', { id: 'sticker-1', mime_type: 'image/webp', sha256: 'abc' })),
    sendsLocation: () =>
      send({
        ...from,
        id: newWamid(),
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: 'location',
        location: { latitude: 51.5, longitude: -0.12 },
      }),
    async conversation() {
      return (await h.conversationRows(key)).conversation;
    },
    async botState() {
      return (await h.conversationRows(key)).conversation?.bot_state;
    },
    async profile() {
      const conversation = await this.conversation();
      if (!conversation) return undefined;
      return h.db.selectFrom('students').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirst();
    },
    async homework() {
      const conversation = await this.conversation();
      if (!conversation) return [];
      return h.db
        .selectFrom('homework_submissions')
        .selectAll()
        .where('conversation_id', '=', conversation.id)
        .orderBy('reference')
        .execute();
    },
  };
}

export type StudentTalking = ReturnType<typeof studentTalking>;

export const MENU_IDS = ['homework', 'faq', 'profile', 'support', 'help'];

/** A new student who gave their name and email and was just asked for their class (the last registration step). */
export async function studentAtClassChoice(
  h: EngineHarness,
  name = 'Ada Lovelace',
  ids: Parameters<typeof studentTalking>[1] = {},
): Promise<StudentTalking> {
  const student = studentTalking(h, ids);
  await student.says('hi');
  await student.says(name);
  await student.says('ada@example.com');
  return student;
}

/** Registers a student through the whole flow and returns them at the main menu. */
export async function registeredStudent(
  h: EngineHarness,
  name = 'Ada Lovelace',
  ids: Parameters<typeof studentTalking>[1] = {},
): Promise<StudentTalking> {
  const student = await studentAtClassChoice(h, name, ids);
  await student.picks('class:grade-9', 'Grade 9');
  return student;
}
