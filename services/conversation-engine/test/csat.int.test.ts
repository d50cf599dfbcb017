import { beforeAll, describe, expect, it } from 'vitest';
import type { CsatTexts } from '@app/contracts';
import { buildListReply, pollUntil, sender, type RunningSystem } from '@app/testing';
import { DEFAULT_TEXTS as T } from '../src/domain/bot';
import { correlationId, JOHN, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { MENU_IDS, type StudentTalking } from './student-driver';
import { outboundTo, studentInLine, supportChatsOf } from './support-driver';

const DEFAULT_WORDING: CsatTexts = {
  question: T['csat.question'],
  button: T['csat.button'],
  rating_5: T['csat.rating_5'],
  rating_4: T['csat.rating_4'],
  rating_3: T['csat.rating_3'],
  rating_2: T['csat.rating_2'],
  rating_1: T['csat.rating_1'],
  comment_prompt: T['csat.comment_prompt'],
  thanks: T['csat.thanks'],
};

async function surveyOf(h: EngineHarness, chatId: string) {
  return h.db.selectFrom('support_chat_csat').selectAll().where('chat_id', '=', chatId).executeTakeFirst();
}

/** A student in an active chat with Mary, the survey turned on. */
async function servedStudent(h: EngineHarness, admin: AdminRpc): Promise<{ student: StudentTalking; chatId: string }> {
  const student = await studentInLine(h);
  await admin.ok('claimChat', { actor: MARY, student: student.phone, correlationId: correlationId() });
  const [chat] = await supportChatsOf(h, student.phone);
  return { student, chatId: chat!.id };
}

describe('the satisfaction survey after a support chat', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  useEngineWithAdmin((world) => ({ h, admin } = world));

  const enable = (texts = DEFAULT_WORDING) =>
    admin.ok('setCsatSettings', { actor: MARY, settings: { enabled: true, texts }, correlationId: correlationId() });

  it('is off until a school turns it on: the chat ends with the main menu alone', async () => {
    expect(await admin.ok('getCsatSettings', { actor: MARY })).toEqual({ enabled: false, texts: DEFAULT_WORDING });
    const { student, chatId } = await servedStudent(h, admin);
    const replies = await student.taps('end_chat', 'End chat');
    expect(replies.map((r) => r.ids)).toEqual([MENU_IDS]);
    expect(await surveyOf(h, chatId)).toBeUndefined();
  });

  it('asks once after the student ends the chat, stores the rating and the comment, and returns to the menu', async () => {
    await enable();
    const { student, chatId } = await servedStudent(h, admin);

    const ended = await student.taps('end_chat', 'End chat');
    expect(ended.map((r) => [r.kind, r.ids])).toEqual([
      ['list', MENU_IDS],
      ['list', [5, 4, 3, 2, 1].map((n) => `csat:${chatId}:${n}`)],
    ]);
    expect(ended[1]?.body).toBe(T['csat.question']);
    expect(await surveyOf(h, chatId)).toMatchObject({ chat_id: chatId, rating: null, comment: null, asked_at: expect.any(Date) });

    const rated = await student.picks(`csat:${chatId}:4`, 'Good');
    expect(rated.map((r) => [r.kind, r.body, r.ids])).toEqual([['buttons', T['csat.comment_prompt'], ['menu']]]);
    const commented = await student.says('Mary explained it clearly, thank you');
    expect(commented[0]?.body).toContain(T['csat.thanks']);
    expect(commented[0]?.ids).toEqual(MENU_IDS);
    expect(await surveyOf(h, chatId)).toMatchObject({
      rating: 4,
      comment: 'Mary explained it clearly, thank you',
      rated_at: expect.any(Date),
      commented_at: expect.any(Date),
    });
    expect(await student.botState()).toEqual({ step: 'menu' });

    // Never asked again for this chat, and a later tap on the old survey changes nothing.
    const again = await student.picks(`csat:${chatId}:1`, 'Very poor');
    expect(again[0]?.body).toContain(T['common.stale_option']);
    expect(await surveyOf(h, chatId)).toMatchObject({ rating: 4 });
    expect(
      await h.db
        .selectFrom('support_chat_csat')
        .select('chat_id')
        .where('conversation_id', '=', (await student.conversation())!.id)
        .execute(),
    ).toHaveLength(1);
  });

  it("keeps the first answer when Meta redelivers the rating after JetStream's duplicate window", async () => {
    await enable();
    const { student, chatId } = await servedStudent(h, admin);
    await student.taps('end_chat', 'End chat');
    const tap = buildListReply({ ...sender({ phone: student.phone, userId: null }), replyId: `csat:${chatId}:5`, title: 'Excellent' });
    await h.publishMessage(tap, { msgID: 'first-delivery' });
    await pollUntil(async () => (await surveyOf(h, chatId))?.rating === 5, { message: 'the rating stored' });
    const before = (await outboundTo(h, student.phone)).length;
    await h.publishMessage(tap, { msgID: 'redelivery' });
    // A later message shows the redelivery was handled (messages of one student are taken in order).
    await student.says('menu');
    const after = await outboundTo(h, student.phone);
    expect(after).toHaveLength(before + 1);
    expect(await surveyOf(h, chatId)).toMatchObject({ rating: 5, comment: null });
    const { messages } = await h.conversationRows(student.phone);
    expect(messages.filter((m) => m.wamid === tap.id)).toHaveLength(1);
  });

  it('is ignored silently when the student goes on with the menu instead', async () => {
    await enable();
    const { student, chatId } = await servedStudent(h, admin);
    await student.taps('end_chat', 'End chat');
    const replies = await student.picks('homework', 'Homework');
    expect(replies[0]?.body).toContain(T['homework.ask_subject']);
    expect(await student.botState()).toEqual({ step: 'homework.subject' });
    expect(await surveyOf(h, chatId)).toMatchObject({ rating: null, comment: null });
  });

  it('asks after an admin ends an active chat, not after a chat nobody took, and uses the wording the school set', async () => {
    await enable({ ...DEFAULT_WORDING, question: 'How did we do today?', rating_5: 'Brilliant' });
    const { student, chatId } = await servedStudent(h, admin);
    await admin.ok('endChat', { actor: JOHN, student: student.phone, message: 'Bye!', correlationId: correlationId() });
    const sent = (await outboundTo(h, student.phone)).slice(-2);
    expect(sent.map((m) => [m.author, m.kind])).toEqual([
      ['bot', 'list'],
      ['bot', 'list'],
    ]);
    expect(sent[1]).toMatchObject({ body: 'How did we do today?' });
    expect(sent[1]?.message).toMatchObject({
      sections: [{ rows: expect.arrayContaining([{ id: `csat:${chatId}:5`, title: 'Brilliant' }]) }],
    });
    expect(await surveyOf(h, chatId)).toMatchObject({ rating: null });

    const waiting = await studentInLine(h, 'Grace Hopper');
    await admin.ok('endChat', { actor: MARY, student: waiting.phone, correlationId: correlationId() });
    const [waitingChat] = await supportChatsOf(h, waiting.phone);
    expect(await surveyOf(h, waitingChat!.id)).toBeUndefined();
    expect((await outboundTo(h, waiting.phone)).at(-1)?.ids).toEqual(MENU_IDS);
  });

  it('refuses wording over WhatsApp limits', async () => {
    const reply = await admin.raw('csat.settings.set', {
      actor: MARY,
      settings: { enabled: true, texts: { ...DEFAULT_WORDING, rating_3: 'x'.repeat(25) } },
      correlationId: correlationId(),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect((await admin.ok('getCsatSettings', { actor: MARY })).enabled).toBe(false);
  });
});

/** The survey as Meta receives it: whatsapp-sender as a real process, this engine in process, the fake Cloud API. */
describe('the survey at the Cloud API', () => {
  let h: EngineHarness;
  let system: RunningSystem;
  let admin: AdminRpc;

  useEngineWithAdmin((world) => ({ h, admin } = world), { once: true });
  beforeAll(async () => {
    system = await h.startSystem(['whatsapp-sender']);
  }, 180_000);

  it('is an interactive list of five ratings in Meta’s format', async () => {
    await admin.ok('setCsatSettings', { actor: MARY, settings: { enabled: true, texts: DEFAULT_WORDING }, correlationId: correlationId() });
    const { student, chatId } = await servedStudent(h, admin);
    await student.taps('end_chat', 'End chat');
    const survey = await pollUntil(
      () => system.fake.accepted().find((r) => r.body.to === student.phone && JSON.stringify(r.body).includes(`csat:${chatId}:5`)),
      { message: 'the survey at the Cloud API', timeoutMs: 20_000 },
    );
    expect(survey.body).toMatchObject({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: student.phone,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: T['csat.question'] },
        action: {
          button: T['csat.button'],
          sections: [
            {
              rows: [
                { id: `csat:${chatId}:5`, title: 'Excellent' },
                { id: `csat:${chatId}:4`, title: 'Good' },
                { id: `csat:${chatId}:3`, title: 'OK' },
                { id: `csat:${chatId}:2`, title: 'Poor' },
                { id: `csat:${chatId}:1`, title: 'Very poor' },
              ],
            },
          ],
        },
      },
    });
  });
});
