import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildButtonReply,
  buildInboundWebhook,
  buildListReply,
  buildTextMessage,
  newPhone,
  pollUntil,
  startSystem,
  type RecordedRequest,
  type RunningSystem,
} from '../src/index';

/**
 * The student's bot end to end: signed webhooks into the real gateway, engine and sender processes, and the
 * Cloud API requests the fake received, in the order it received them.
 */
describe('the student bot through signed webhooks', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    // startSystem's SENDER_LOCK_DURATION_MS (2 s) must exceed the sender's HTTP timeout (10 s by default).
    system = await startSystem({
      services: ['webhook-gateway', 'conversation-engine', 'whatsapp-sender'],
      env: { SENDER_HTTP_TIMEOUT_MS: '1500' },
    });
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
  });

  interface Sent {
    kind: string;
    ids: string[];
    body: string;
  }

  const summarize = (request: RecordedRequest): Sent => {
    const body = request.body as {
      type: string;
      text?: { body: string };
      interactive?: {
        type: string;
        body: { text: string };
        action: { buttons?: { reply: { id: string } }[]; sections?: { rows: { id: string }[] }[] };
      };
    };
    if (body.type === 'text') return { kind: 'text', ids: [], body: body.text?.body ?? '' };
    const interactive = body.interactive!;
    const ids =
      interactive.type === 'button'
        ? (interactive.action.buttons ?? []).map((b) => b.reply.id)
        : (interactive.action.sections ?? []).flatMap((s) => s.rows.map((r) => r.id));
    return { kind: interactive.type, ids, body: interactive.body.text };
  };
  const sentTo = (phone: string) =>
    system.fake
      .accepted()
      .filter((r) => r.body.to === phone)
      .map(summarize);

  /** Posts one signed webhook and waits until the fake has received `expected` sends to the student in all. */
  async function post(phone: string, messages: Record<string, unknown>[], expected: number): Promise<Sent[]> {
    const response = await system.postWebhook(buildInboundWebhook({ messages }));
    expect(response.status).toBe(200);
    return pollUntil(() => (sentTo(phone).length >= expected ? sentTo(phone) : undefined), {
      message: `${expected} sends to ${phone}`,
      timeoutMs: 20_000,
    });
  }

  const MENU = ['homework', 'faq', 'profile', 'support', 'help'];
  const CLASSES = [
    'class:grade-6',
    'class:grade-7',
    'class:grade-8',
    'class:grade-9',
    'class:grade-10',
    'class:grade-11',
    'class:grade-12',
  ];

  it('registers a student: name, an email asked again, a class picked from the list, a confirmation and the menu', async () => {
    const phone = newPhone();
    await post(phone, [buildTextMessage({ from: phone, text: 'Hello' })], 1);
    await post(phone, [buildTextMessage({ from: phone, text: 'Ada Lovelace' })], 2);
    await post(phone, [buildTextMessage({ from: phone, text: 'ada(at)example' })], 3);
    await post(phone, [buildTextMessage({ from: phone, text: 'ada@example.com' })], 4);
    const sent = await post(phone, [buildListReply({ from: phone, replyId: 'class:grade-9', title: 'Grade 9' })], 6);

    expect(sent.map((s) => [s.kind, s.ids])).toEqual([
      ['text', []],
      ['text', []],
      ['text', []],
      ['list', CLASSES],
      ['text', []],
      ['list', MENU],
    ]);
    expect(sent[0]?.body).toMatch(/full name/i);
    expect(sent[1]?.body).toBe('Thanks, Ada Lovelace! What is your email address?');
    expect(sent[2]?.body).toMatch(/valid email address/);
    expect(sent[4]?.body).toContain('Class: Grade 9');

    // A button routed by its id, whatever its title: Chat Support, then the end_chat button back to the menu.
    await post(phone, [buildListReply({ from: phone, replyId: 'support', title: 'Homework' })], 7);
    const ended = await post(phone, [buildButtonReply({ from: phone, replyId: 'end_chat', title: 'End chat' })], 8);
    expect(ended.slice(6).map((s) => [s.kind, s.ids])).toEqual([
      ['button', ['end_chat']],
      ['list', MENU],
    ]);
    expect(system.fake.accepted().filter((r) => r.body.to === phone)).toHaveLength(8);
  });

  it('answers each of three messages batched in one webhook, in order', async () => {
    const phone = newPhone();
    const sent = await post(
      phone,
      [
        buildTextMessage({ from: phone, text: 'hi' }),
        buildTextMessage({ from: phone, text: 'Grace Hopper' }),
        buildTextMessage({ from: phone, text: 'grace@example.com' }),
      ],
      3,
    );
    expect(sent.map((s) => s.kind)).toEqual(['text', 'text', 'list']);
    expect(sent[0]?.body).toMatch(/full name/i);
    expect(sent[1]?.body).toBe('Thanks, Grace Hopper! What is your email address?');
    expect(sent[2]?.ids).toEqual(CLASSES);
  });
});
