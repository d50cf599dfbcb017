import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildInboundWebhook,
  buildStatus,
  buildTextMessage,
  newPhone,
  pollUntil,
  startSystem,
  type RecordedRequest,
  type RunningSystem,
  signIn,
  type AdminSession,
} from '../src/index';

interface MessageItem {
  id: string;
  direction: string;
  author: string;
  type: string;
  text: string | null;
  status: string;
  error: { code: number; title: string; reason?: string } | null;
  pricing: { type: string | null; category: string | null; billable: boolean } | null;
  retrying?: { reason: string; code: number; attempt: number; next_attempt_at: string } | null;
}

/**
 * What admins do about delivery, through every real process and the fake Cloud API: opening a conversation
 * marks the student's message read, a dead letter is sent again from admin-api, and a window Meta says is
 * closed is reopened with the re-engagement template.
 */
describe('delivery from the admin side', () => {
  let system: RunningSystem;
  let api: string;
  let admin: AdminSession;

  beforeAll(async () => {
    system = await startSystem();
    api = system.url('admin-api');
    admin = await signIn(api);
  }, 180_000);
  afterAll(async () => {
    await system?.stop();
  });

  const call: AdminSession['call'] = (p, init) => admin.call(p, init);
  const sendsTo = (phone: string) => system.fake.accepted().filter((r) => r.body.to === phone);
  async function studentSays(phone: string, text: string, expectedSends: number) {
    const message = buildTextMessage({ from: phone, text });
    expect((await system.postWebhook(buildInboundWebhook({ messages: [message], profileName: 'Ada' }))).status).toBe(200);
    await pollUntil(() => sendsTo(phone).length >= expectedSends, { message: `${expectedSends} sends to ${phone}`, timeoutMs: 20_000 });
    return message.id;
  }
  const history = async (phone: string) => (await call(`/api/admin/conversations/${phone}/messages?limit=100`)).body.items as MessageItem[];
  const messageWhen = (phone: string, match: (m: MessageItem) => boolean, what: string) =>
    pollUntil(async () => (await history(phone)).find(match), { message: what, timeoutMs: 20_000 });

  it("marks the student's newest message read once when an admin opens the conversation, before the next reply", async () => {
    const phone = newPhone();
    const wamid = await studentSays(phone, 'hi', 1);
    expect((await call(`/api/admin/conversations/${phone}/read`, { method: 'POST' })).status).toBe(200);
    expect((await call(`/api/admin/conversations/${phone}/read`, { method: 'POST' })).status).toBe(200);
    // The next reply leaves after whatever was queued before it: once it is at the fake, so is any mark-read.
    await studentSays(phone, 'Ada Lovelace', 2);

    const receipts = system.fake.readReceipts().filter((r) => r.body.message_id === wamid);
    expect(receipts.map((r) => r.body)).toEqual([{ messaging_product: 'whatsapp', status: 'read', message_id: wamid }]);
    const forStudent = system.fake.requests.filter(
      (r: RecordedRequest) => r.outcome === 'accepted' && (r.body.to === phone || r.body.message_id === wamid),
    );
    expect(forStudent.map((r) => (r.body.status === 'read' ? 'read' : 'send'))).toEqual(['send', 'read', 'send']);
  });

  it('lists a dead letter and sends it again exactly once from admin-api; the engine then shows it sent', async () => {
    const phone = newPhone();
    system.fake.scriptFor(phone, { kind: 'error', status: 400, code: 131026, title: 'Message undeliverable' });
    const inbound = buildTextMessage({ from: phone, text: 'hi' });
    expect((await system.postWebhook(buildInboundWebhook({ messages: [inbound] }))).status).toBe(200);
    const welcome = await messageWhen(phone, (m) => m.direction === 'outbound' && m.status === 'failed', 'the welcome failed');
    expect(welcome.error).toEqual({
      code: 131026,
      title: 'Message undeliverable',
      reason: expect.stringMatching(/not be on WhatsApp/) as string,
    });

    const dead = await pollUntil(
      async () => {
        const page = await call('/api/admin/outbound/dead-letters?limit=100');
        return (page.body.items as { message_id: string; to: string; error: { code: number } }[]).find((d) => d.message_id === welcome.id);
      },
      { message: 'the dead letter listed' },
    );
    expect(dead).toMatchObject({ to: phone, error: { code: 131026 } });

    const retried = await call(`/api/admin/outbound/dead-letters/${welcome.id}/retry`, { method: 'POST' });
    expect([retried.status, retried.body]).toEqual([202, { message_id: welcome.id, retry: 1 }]);
    const sent = await messageWhen(phone, (m) => m.id === welcome.id && m.status === 'sent', 'the retried welcome sent');
    expect(sent.error).toBeNull();
    const attempts = system.fake.requests.filter((r) => r.body.biz_opaque_callback_data === welcome.id);
    expect(attempts.map((r) => r.outcome)).toEqual(['error', 'accepted']);
    expect((await call(`/api/admin/outbound/dead-letters/${welcome.id}/retry`, { method: 'POST' })).body.error?.code).toMatch(
      /^(not_found|not_failed)$/,
    );
  });

  it('shows admins why a pair-rate-limited reply is still queued and until when, then shows it sent without the note', async () => {
    const phone = newPhone();
    // The sender's default pair backoff: the welcome waits 2 to 4 s before its second attempt.
    system.fake.scriptFor(phone, { kind: 'error', status: 400, code: 131056, title: 'Pair rate limit hit' });
    expect((await system.postWebhook(buildInboundWebhook({ messages: [buildTextMessage({ from: phone, text: 'hi' })] }))).status).toBe(200);

    const late = await messageWhen(phone, (m) => m.direction === 'outbound' && m.retrying != null, 'the welcome noted as delayed');
    expect(late).toMatchObject({ status: 'queued', error: null, retrying: { reason: 'pair_rate_limit', code: 131056, attempt: 1 } });
    const refused = system.fake.requests.find((r) => r.body.to === phone)!;
    expect(Date.parse(late.retrying!.next_attempt_at)).toBeGreaterThan(refused.receivedAt);

    const sent = await messageWhen(phone, (m) => m.id === late.id && m.status === 'sent', 'the welcome sent');
    expect(sent.retrying).toBeNull();
  });

  it("stores each message's pricing from its status webhooks and counts today's billable ones once per message", async () => {
    const phone = newPhone();
    await studentSays(phone, 'hi', 1);
    await studentSays(phone, 'Ada Lovelace', 2);
    const [welcome, askEmail] = sendsTo(phone).map((r) => r.wamid!);
    const billableBefore = ((await call('/api/admin/stats')).body.billable_today as Record<string, number>).utility ?? 0;

    const pricing = (type: string, category: string) => ({
      pricing: { pricing_model: 'PMP', type, category },
      conversation: { id: 'c1', origin: { type: category } },
    });
    const statuses = [
      { ...buildStatus({ id: welcome!, status: 'sent', recipientId: phone }), ...pricing('regular', 'utility') },
      { ...buildStatus({ id: welcome!, status: 'delivered', recipientId: phone }), ...pricing('regular', 'utility') },
      { ...buildStatus({ id: askEmail!, status: 'read', recipientId: phone }), ...pricing('free_customer_service', 'service') },
    ];
    for (let delivery = 0; delivery < 2; delivery++) expect((await system.postWebhook(buildInboundWebhook({ statuses }))).status).toBe(200);

    const billed = await messageWhen(
      phone,
      (m) => m.pricing?.billable === true && m.status === 'delivered',
      'the welcome priced and delivered',
    );
    expect(billed).toMatchObject({ status: 'delivered', pricing: { type: 'regular', category: 'utility', billable: true } });
    const free = await messageWhen(phone, (m) => m.pricing?.category === 'service' && m.status === 'read', 'the question priced and read');
    expect(free).toMatchObject({ status: 'read', pricing: { type: 'free_customer_service', category: 'service', billable: false } });
    expect((await history(phone)).filter((m) => m.direction === 'inbound').map((m) => m.pricing)).toEqual([null, null]);

    const stats = await call('/api/admin/stats');
    expect(stats.status).toBe(200);
    expect((stats.body.billable_today as Record<string, number>).utility).toBe(billableBefore + 1);
  });

  it('refuses the next admin send with 422 once Meta said 131047, and sends the template instead', async () => {
    const phone = newPhone();
    await studentSays(phone, 'hi', 1);
    // The "joined" notice goes through; the admin's message is refused as outside the window.
    system.fake.scriptFor(phone, { kind: 'accept' }, { kind: 'error', status: 400, code: 131047, title: 'Re-engagement message' });
    expect((await call(`/api/admin/conversations/${phone}/chat-support/start`, { method: 'POST' })).status).toBe(200);
    const sent = await call(`/api/admin/conversations/${phone}/chat-support/send`, {
      method: 'POST',
      body: { message: 'Are you still there?' },
    });
    expect(sent.status).toBe(202);
    const messageId = (sent.body.message as { id: string }).id;
    await messageWhen(phone, (m) => m.id === messageId && m.status === 'failed' && m.error?.code === 131047, 'the refusal recorded');

    const again = await call(`/api/admin/conversations/${phone}/chat-support/send`, { method: 'POST', body: { message: 'Hello?' } });
    expect([again.status, again.body.error?.code]).toEqual([422, 'outside_service_window']);

    const template = await call(`/api/admin/conversations/${phone}/chat-support/template`, { method: 'POST', body: {} });
    expect(template.status).toBe(202);
    expect(template.body.message).toMatchObject({ type: 'template', author: 'agent', status: 'queued' });
    const received = await pollUntil(() => sendsTo(phone).find((r) => r.body.type === 'template'), {
      message: 'the template at the fake',
      timeoutMs: 20_000,
    });
    expect(received.body.template).toMatchObject({ name: 'reengagement', language: { code: 'en' } });
  });
});
