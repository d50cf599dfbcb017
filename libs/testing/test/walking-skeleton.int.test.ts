import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { buildInboundWebhook, buildTextMessage, newPhone, pollUntil, startSystem, testInfra, type RunningSystem } from '../src/index';

/**
 * The walking skeleton end to end: a signed webhook through the real gateway, engine and sender processes to
 * the fake Cloud API, and the rows that prove it in Postgres.
 */
describe('a student message through all four services', () => {
  let system: RunningSystem;
  let db: pg.Client;

  beforeAll(async () => {
    system = await startSystem();
    db = new pg.Client({ connectionString: testInfra.databaseUrl });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await system?.stop();
  });

  const sentTo = (phone: string) => system.fake.accepted().filter((r) => r.body.to === phone);
  const rowsOf = async (phone: string) => {
    const { rows } = await db.query(
      `select m.direction, m.author, m.status, m.wamid, m.text from ${system.engineSchema}.messages m
       join ${system.engineSchema}.conversations c on c.id = m.conversation_id where c.phone_number = $1 order by m.seq`,
      [phone],
    );
    return rows as { direction: string; author: string; status: string; wamid: string | null; text: string | null }[];
  };

  it('asks an unknown student for their name with exactly one Cloud API call, and stores the thread with the wamid', async () => {
    const phone = newPhone();
    const message = buildTextMessage({ from: phone, text: 'Hello school' });
    const response = await system.postWebhook(buildInboundWebhook({ messages: [message] }));
    expect(response.status).toBe(200);

    const [send] = await pollUntil(() => (sentTo(phone).length ? sentTo(phone) : undefined), { message: 'the reply at the Cloud API' });
    expect(send?.authorization).toBe(`Bearer ${system.fake.token}`);
    expect(send?.path).toBe('/v25.0/100000000000001/messages');
    expect(send?.body).toMatchObject({ messaging_product: 'whatsapp', to: phone, type: 'text' });
    expect(String((send?.body.text as { body: string }).body)).toMatch(/full name/i);

    const rows = await pollUntil(
      async () => {
        const found = await rowsOf(phone);
        return found[1]?.wamid ? found : undefined;
      },
      { message: 'the wamid recorded' },
    );
    expect(rows).toEqual([
      { direction: 'inbound', author: 'student', status: 'received', wamid: message.id, text: 'Hello school' },
      expect.objectContaining({ direction: 'outbound', author: 'bot', status: 'sent', wamid: send?.wamid }),
    ]);

    // Meta redelivers the same webhook: same effect as once.
    const again = await system.postWebhook(buildInboundWebhook({ messages: [message] }));
    expect(again.status).toBe(200);
    const probe = buildTextMessage({ from: phone, text: 'Ada Lovelace' });
    await system.postWebhook(buildInboundWebhook({ messages: [probe] }));
    await pollUntil(async () => (await rowsOf(phone)).some((r) => r.wamid === probe.id), { message: 'the probe stored' });
    const after = await rowsOf(phone);
    expect(after.filter((r) => r.wamid === message.id)).toHaveLength(1);
    await pollUntil(() => sentTo(phone).length >= 2, { message: "the probe's reply" });
    expect(sentTo(phone)).toHaveLength(2);
  });

  it('answers both students of a batched webhook', async () => {
    const alice = newPhone();
    const bob = newPhone();
    const response = await system.postWebhook(
      buildInboundWebhook({ messages: [buildTextMessage({ from: alice }), buildTextMessage({ from: bob })] }),
    );
    expect(response.status).toBe(200);
    await pollUntil(() => sentTo(alice).length === 1 && sentTo(bob).length === 1, { message: 'both replies' });
  });

  it('sends once after the Cloud API failed twice with 500', async () => {
    const phone = newPhone();
    system.fake.script(
      { kind: 'error', status: 500, code: 131000, title: 'Something went wrong' },
      { kind: 'error', status: 500, code: 131000, title: 'Something went wrong' },
    );
    await system.postWebhook(buildInboundWebhook({ messages: [buildTextMessage({ from: phone })] }));
    await pollUntil(() => sentTo(phone).length === 1, { message: 'the send after retries' });
    const attempts = system.fake.requests.filter((r) => r.body.to === phone);
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 200]);
    const rows = await pollUntil(async () => {
      const found = await rowsOf(phone);
      return found[1]?.status === 'sent' ? found : undefined;
    });
    expect(rows[1]?.wamid).toBe(sentTo(phone)[0]?.wamid);
  });

  it('lets an admin log in with the bootstrap account', async () => {
    const ok = await fetch(`${system.url('admin-api')}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@school.test', password: 'correct horse battery staple' }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ token: expect.any(String), user: { email: 'admin@school.test', role: 'admin' } });
  });
});
