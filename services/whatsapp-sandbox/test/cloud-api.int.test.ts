import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newBsuid, newPhone, pollUntil } from '@app/testing';
import type { RunningSandbox } from '../src/sandbox';
import { callMessages, phone, PHONE_NUMBER_ID, startReceiver, startTestSandbox, textTo, TOKEN } from './harness';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let sandbox: RunningSandbox;

beforeEach(async () => {
  receiver = await startReceiver();
  sandbox = await startTestSandbox(receiver.url);
});
afterEach(async () => {
  await sandbox.stop();
  await receiver.close();
});

const interactive = (to: string, value: Record<string, unknown>) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'interactive',
  interactive: value,
});
const buttons = (n: number, title = 'Option') => ({
  type: 'button',
  body: { text: 'Pick one' },
  action: { buttons: Array.from({ length: n }, (_, i) => ({ type: 'reply', reply: { id: `b${i}`, title: `${title}${i}` } })) },
});
const list = (sections: unknown[]) => ({ type: 'list', body: { text: 'Pick one' }, action: { button: 'Menu', sections } });

describe('the sandbox Cloud API', () => {
  it.each([
    ['a text body over 4096 characters', (to: string) => textTo(to, 'x'.repeat(4097)), 100, "text['body'] must be at most 4096"],
    ['four reply buttons', (to: string) => interactive(to, buttons(4)), 131009, 'Invalid buttons count'],
    [
      'a button title over 20 characters',
      (to: string) => interactive(to, buttons(1, 'A title far too long')),
      131009,
      "['reply']['title'] must be at most 20",
    ],
    [
      'eleven list rows in all',
      (to: string) =>
        interactive(
          to,
          list([
            { title: 'A', rows: Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, title: 'A' })) },
            { title: 'B', rows: Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, title: 'B' })) },
          ]),
        ),
      131009,
      'Total row count exceed max allowed count: 10',
    ],
    [
      'a second list section without a title',
      (to: string) => interactive(to, list([{ title: 'A', rows: [{ id: 'a', title: 'A' }] }, { rows: [{ id: 'b', title: 'B' }] }])),
      131008,
      "['sections'][1]['title'] is required",
    ],
    [
      'a list row description over 72 characters',
      (to: string) => interactive(to, list([{ rows: [{ id: 'a', title: 'A', description: 'd'.repeat(73) }] }])),
      131009,
      "['description'] must be at most 72",
    ],
    [
      'duplicate button ids',
      (to: string) =>
        interactive(to, {
          ...buttons(2),
          action: { buttons: [1, 2].map(() => ({ type: 'reply', reply: { id: 'same', title: 'Same' } })) },
        }),
      131009,
      'Button ids must be unique',
    ],
  ])("refuses %s with Meta's error format and code, and shows nothing on the phone", async (_, build, code, details) => {
    const to = newPhone();
    const answer = await callMessages(sandbox, build(to));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      message: `(#${code}) ${code === 100 ? 'Invalid parameter' : code === 131008 ? 'Required parameter is missing' : 'Parameter value is not valid'}`,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details: expect.stringContaining(details) },
      fbtrace_id: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(sandbox.api.requests.at(-1)).toMatchObject({ outcome: 'error', status: 400, errorCode: code });
    expect(sandbox.store.bubbles(to)).toEqual([]);
  });

  it('answers a send to a phone with contacts [{input, wa_id}] and one to a user id (recipient) with [{input, user_id}]', async () => {
    const to = newPhone();
    const byPhone = await callMessages(sandbox, textTo(to, 'hi'));
    expect(byPhone).toMatchObject({ status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }] } });
    expect(byPhone.body.contacts).toEqual([{ input: to, wa_id: to }]);
    const userId = newBsuid();
    const { to: _, ...withoutTo } = textTo(to, 'hi again');
    const byUserId = await callMessages(sandbox, { ...withoutTo, recipient: userId });
    expect(byUserId.status).toBe(200);
    expect(byUserId.body.contacts).toEqual([{ input: userId, user_id: userId }]);
    expect(sandbox.store.bubbles(userId)).toEqual([expect.objectContaining({ id: byUserId.body.messages![0]!.id, studentId: userId })]);
  });

  it.each([
    ['names neither to nor recipient', {}, 131008, 'Parameter to (or recipient) is required.'],
    [
      'names a recipient that is not a business-scoped user id',
      { recipient: '447700900123' },
      100,
      'Param recipient must be a business-scoped user id',
    ],
  ])("refuses a send that %s with Meta's error, and shows nothing", async (_, addressee, code, details) => {
    const answer = await callMessages(sandbox, { messaging_product: 'whatsapp', type: 'text', text: { body: 'to whom?' }, ...addressee });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code, error_data: { details: expect.stringContaining(details) } });
    expect(sandbox.store.students()).toEqual([]);
  });

  it('refuses a wrong Bearer token with 401 and code 190, and another phone number id with code 100', async () => {
    const wrongToken = await callMessages(sandbox, textTo(newPhone(), 'hi'), { token: 'not-the-token' });
    expect(wrongToken.status).toBe(401);
    expect(wrongToken.body.error).toMatchObject({ code: 190, type: 'OAuthException' });
    const wrongNumber = await callMessages(sandbox, textTo(newPhone(), 'hi'), { phoneNumberId: '999' });
    expect(wrongNumber.status).toBe(400);
    expect(wrongNumber.body.error).toMatchObject({ code: 100 });
  });

  it('refuses a body that is not JSON with code 100, in the Graph error format', async () => {
    const response = await fetch(`${sandbox.url}/v25.0/${PHONE_NUMBER_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{"messaging_product": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 100, type: 'OAuthException', error_data: { details: expect.stringContaining('JSON') } },
    });
  });

  it("answers the sender's token probe with the business number, and refuses it without the token", async () => {
    const probe = await fetch(`${sandbox.url}/v25.0/${PHONE_NUMBER_ID}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(probe.status).toBe(200);
    expect(await probe.json()).toMatchObject({
      id: PHONE_NUMBER_ID,
      display_phone_number: '15550783881',
      verified_name: 'School help desk',
    });
    expect((await fetch(`${sandbox.url}/v25.0/${PHONE_NUMBER_ID}`)).status).toBe(401);
  });

  it('reports sent and delivered as webhooks signed like Meta, and read only once a phone page shows the chat', async () => {
    const to = newPhone();
    const answer = await callMessages(sandbox, textTo(to, 'Hello from school', { biz_opaque_callback_data: 'our-message-id' }));
    expect(answer.status).toBe(200);
    const wamid = answer.body.messages![0]!.id;
    expect(sandbox.store.bubbles(to)).toEqual([
      expect.objectContaining({ id: wamid, from: 'business', content: { type: 'text', text: 'Hello from school' } }),
    ]);

    await pollUntil(() => receiver.statuses().length >= 2, { message: 'sent and delivered' });
    const userId = sandbox.store.student(to)!.userId;
    const pricing = { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
    expect(receiver.statuses()).toEqual([
      expect.objectContaining({
        id: wamid,
        status: 'sent',
        recipient_id: to,
        recipient_user_id: userId,
        pricing,
        biz_opaque_callback_data: 'our-message-id',
      }),
      expect.objectContaining({
        id: wamid,
        status: 'delivered',
        recipient_id: to,
        recipient_user_id: userId,
        pricing,
        biz_opaque_callback_data: 'our-message-id',
      }),
    ]);
    expect(receiver.deliveries.every((d) => d.signedWell)).toBe(true);
    expect(sandbox.store.bubble(wamid)).toMatchObject({ status: 'delivered' });

    expect((await phone(sandbox, `/students/${to}/read`)).body).toEqual({ read: 1 });
    await pollUntil(() => receiver.statuses().length === 3, { message: 'read' });
    expect(receiver.statuses()[2]).toMatchObject({
      id: wamid,
      status: 'read',
      recipient_id: to,
      recipient_user_id: userId,
      pricing,
      biz_opaque_callback_data: 'our-message-id',
    });
    expect(receiver.deliveries.every((d) => d.signedWell)).toBe(true);
    expect((await phone(sandbox, `/students/${to}/read`)).body).toEqual({ read: 0 });
  });

  it('reports every status in order at once when the chat is read before the timers ran', async () => {
    await sandbox.stop();
    sandbox = await startTestSandbox(receiver.url, {
      WHATSAPP_SANDBOX_SENT_DELAY_MS: '60000',
      WHATSAPP_SANDBOX_DELIVERED_DELAY_MS: '60000',
    });
    const to = newPhone();
    const wamid = (await callMessages(sandbox, textTo(to, 'Quick'))).body.messages![0]!.id;
    await phone(sandbox, `/students/${to}/read`);
    await pollUntil(() => receiver.statuses().length === 3, { message: 'three statuses' });
    expect(receiver.statuses().map((s) => [s.id, s.status])).toEqual([
      [wamid, 'sent'],
      [wamid, 'delivered'],
      [wamid, 'read'],
    ]);
  });

  it('reads on its own after WHATSAPP_SANDBOX_READ_DELAY_MS, with no page open', async () => {
    await sandbox.stop();
    sandbox = await startTestSandbox(receiver.url, { WHATSAPP_SANDBOX_READ_DELAY_MS: '80' });
    const to = newPhone();
    const wamid = (await callMessages(sandbox, textTo(to, 'Unattended'))).body.messages![0]!.id;
    await pollUntil(() => receiver.statuses().some((s) => s.status === 'read'), { message: 'read' });
    expect(receiver.statuses().map((s) => [s.id, s.status])).toEqual([
      [wamid, 'sent'],
      [wamid, 'delivered'],
      [wamid, 'read'],
    ]);
  });
});
