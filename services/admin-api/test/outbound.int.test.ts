import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter, SenderQueueStatus } from '@app/contracts';
import type { RunningAdminApi } from '../src/admin-api';
import {
  createTestSchema,
  errorCodeOf,
  send,
  signedInHead,
  signedInUser,
  startTestApi,
  type SignedInUser,
  type TestSchema,
} from './harness';
import { startSenderResponder, type SenderResponder } from './sender-responder';

let t: TestSchema;
let api: RunningAdminApi;
let sender: SenderResponder;
let admin: SignedInUser;

const DEAD: DeadLetter = {
  message_id: '6f1c2f5e-8a57-4d2b-9a43-5d3c1d2e7f10',
  to: '447700900123',
  kind: 'text',
  error: { code: 131026, title: 'Message undeliverable', class: 'permanent' },
  attempts: 1,
  retries: 0,
  failed_at: '2026-11-24T08:00:00.000Z',
};
const STATUS: SenderQueueStatus = {
  paused: false,
  pause: null,
  outbound: { waiting: 0, delayed: 0, active: 0, failed: 1 },
  media: { waiting: 0, delayed: 0, active: 0, failed: 0 },
};

beforeAll(async () => {
  t = await createTestSchema();
  api = await startTestApi(t.namespace, { SENDER_RPC_TIMEOUT_MS: '300' });
  sender = await startSenderResponder(t.namespace);
  admin = await signedInHead(t, api);
  await sender.answer('listDeadLetters', () => ({ ok: true, data: { items: [DEAD], next_cursor: '1', total: 2 } }));
  await sender.answer('status', () => ({ ok: true, data: STATUS }));
  await sender.answer('resume', () => ({ ok: true, data: STATUS }));
  await sender.answer('retryDeadLetter', (r) => {
    const [, code] = /^fail-(\w+)$/.exec(r.message_id) ?? [];
    if (code === 'garbage') return { raw: '{"ok":true,"data":{"retry":"one"}}' };
    if (code === 'silent') return 'silent';
    if (code) return { ok: false, error: { code: code as 'internal', message: `sender says ${code}` } };
    return { ok: true, data: { message_id: r.message_id, retry: 1 } };
  });
});

afterAll(async () => {
  await sender?.close();
  await api?.stop();
  await t?.drop();
});

const url = (path: string) => `${api.url}/api/admin/outbound${path}`;
const retry = (id: string) => send(url(`/dead-letters/${id}/retry`), { method: 'POST', token: admin.token });
const lastRequest = (name: string) => sender.received.filter((r) => r.name === name).at(-1);
const auditOf = (action: string) =>
  t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();

describe("whatsapp-sender's admin routes", () => {
  it('lists dead letters a page at a time, as the sender answers them', async () => {
    const res = await send(url('/dead-letters?limit=1&cursor=0'), { token: admin.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [DEAD], next_cursor: '1', total: 2 });
    expect(lastRequest('listDeadLetters')).toMatchObject({
      valid: true,
      body: { actor: { id: admin.user.id, role: 'admin' }, limit: 1, cursor: '0' },
      correlationId: res.headers.get('x-request-id'),
    });
  });

  it('retries a dead letter (202) and audits it with the retry number', async () => {
    const res = await retry(DEAD.message_id);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ message_id: DEAD.message_id, retry: 1 });
    expect(lastRequest('retryDeadLetter')?.body).toEqual({
      actor: expect.objectContaining({ id: admin.user.id }),
      message_id: DEAD.message_id,
      correlationId: res.headers.get('x-request-id'),
    });
    expect(await auditOf('outbound.dead_letter_retried')).toMatchObject({
      actor_id: admin.user.id,
      target: DEAD.message_id,
      details: { outcome: 'ok', retry: 1 },
    });
  });

  it.each([
    ['not_found', 404],
    ['retry_pending', 409],
    ['not_failed', 409],
    ['invalid_request', 400],
  ])('answers the sender refusal %s with %i and its message', async (code, status) => {
    const res = await retry(`fail-${code}`);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message: `sender says ${code}` } });
  });

  it('answers 502 sender_failed for an internal failure (text hidden) and for an answer that breaks the contract', async () => {
    const internal = await retry('fail-internal');
    expect(internal.status).toBe(502);
    expect(await internal.json()).toEqual({ error: { code: 'sender_failed', message: 'whatsapp-sender failed' } });
    const garbage = await retry('fail-garbage');
    expect([garbage.status, await errorCodeOf(garbage)]).toEqual([502, 'sender_failed']);
    expect(await auditOf('outbound.dead_letter_retried')).toMatchObject({ target: 'fail-garbage', details: { outcome: 'sender_failed' } });
  });

  it('answers 503 sender_unavailable when the sender does not answer in time', async () => {
    const res = await retry('fail-silent');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'sender_unavailable', message: 'whatsapp-sender did not answer in time' } });
  });

  it('shows the queue status and resumes a paused sender, as the caller, audited', async () => {
    const actor = { id: admin.user.id, name: 'head', role: 'admin' };
    const status = await send(url('/status'), { token: admin.token });
    expect(status.status).toBe(200);
    expect(await status.json()).toEqual(STATUS);
    expect(lastRequest('status')).toMatchObject({ valid: true, body: { actor }, correlationId: status.headers.get('x-request-id') });
    const resumed = await send(url('/resume'), { method: 'POST', token: admin.token });
    expect(resumed.status).toBe(200);
    expect(lastRequest('resume')).toMatchObject({ valid: true, body: { actor, correlationId: resumed.headers.get('x-request-id') } });
    // The audit row is admin-api's own doing: who, and what the sender reported afterwards.
    expect(await auditOf('outbound.resumed')).toMatchObject({
      actor_id: admin.user.id,
      target: null,
      details: { outcome: 'ok', paused: STATUS.paused },
    });
  });

  it('answers 400 for a limit over 100 without asking the sender', async () => {
    const before = sender.received.length;
    expect(await errorCodeOf(await send(url('/dead-letters?limit=101'), { token: admin.token }))).toBe('invalid_request');
    expect(sender.received.length).toBe(before);
  });
});

describe('a sender that is not there', () => {
  it('answers 503 sender_unavailable at once when nothing serves the subject', async () => {
    const other = await createTestSchema();
    const lonely = await startTestApi(other.namespace);
    try {
      const someone = await signedInUser(other, lonely, 'head@school.org', 'admin');
      const res = await send(`${lonely.url}/api/admin/outbound/status`, { token: someone.token });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { code: 'sender_unavailable', message: 'no whatsapp-sender is running' } });
    } finally {
      await lonely.stop();
      await other.drop();
    }
  });
});
