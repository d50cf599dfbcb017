import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { BSUID, buildMessage, PHONE } from './builders';
import { useApiWithEngine, type EngineResponder } from './engine-responder';
import { send, signedInTeacher, type SignedInUser, type TestSchema } from './harness';

let t: TestSchema;
let api: RunningAdminApi;
let engine: EngineResponder;
let agent: SignedInUser;

useApiWithEngine((world) => ({ t, api, engine } = world));

beforeAll(async () => {
  agent = await signedInTeacher(t, api);
  await engine.answer('sendTemplate', (r) =>
    r.student === '27820000002'
      ? { ok: false, error: { code: 'not_found', message: 'no conversation with this number' } }
      : {
          ok: true,
          data: { message: buildMessage({ id: `template-${r.idempotency_key}`, type: 'template', text: '[template reengagement]' }) },
        },
  );
});

const template = (student: string, headers: Record<string, string> = {}) =>
  send(`${api.url}/api/admin/conversations/${student}/chat-support/template`, { method: 'POST', token: agent.token, body: {}, headers });

describe('POST /api/admin/conversations/{student}/chat-support/template', () => {
  it('queues the template (202) as the admin, with the Idempotency-Key in its own key space, audited', async () => {
    const res = await template(PHONE, { 'idempotency-key': 'console-7' });
    expect(res.status).toBe(202);
    expect(((await res.json()) as { message: { type: string; status: string } }).message).toMatchObject({
      type: 'template',
      status: 'queued',
    });
    const request = engine.received.filter((r) => r.name === 'sendTemplate').at(-1);
    expect(request?.body).toEqual({
      actor: { id: agent.user.id, name: 'ms.khumalo', role: 'agent' },
      student: PHONE,
      idempotency_key: `t:${agent.user.id}:console-7`,
      correlationId: res.headers.get('x-request-id'),
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'chat.template_sent')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(audit).toMatchObject({
      actor_id: agent.user.id,
      target: PHONE,
      details: { outcome: 'ok', message_id: `template-t:${agent.user.id}:console-7` },
    });
  });

  it('takes a request without a body', async () => {
    const res = await send(`${api.url}/api/admin/conversations/${PHONE}/chat-support/template`, { method: 'POST', token: agent.token });
    expect(res.status).toBe(202);
  });

  it('queues it for a student named by their business-scoped user id, audited under that id', async () => {
    const res = await template(BSUID);
    expect(res.status).toBe(202);
    expect(engine.received.filter((r) => r.name === 'sendTemplate').at(-1)).toMatchObject({ valid: true, body: { student: BSUID } });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'chat.template_sent')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(audit).toMatchObject({ target: BSUID, details: { outcome: 'ok' } });
  });

  it('answers 404 for a number that never wrote', async () => {
    const res = await template('27820000002');
    expect(res.status).toBe(404);
  });
});
