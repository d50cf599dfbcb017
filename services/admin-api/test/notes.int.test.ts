import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { buildMessage, PHONE } from './builders';
import { useApiWithEngine, type EngineResponder } from './engine-responder';
import { errorCodeOf, send, signedInTeacher, type SignedInUser, type TestSchema } from './harness';

const UNKNOWN = '27820000099';

let t: TestSchema;
let api: RunningAdminApi;
let engine: EngineResponder;
let agent: SignedInUser;

useApiWithEngine((world) => ({ t, api, engine } = world));

beforeAll(async () => {
  agent = await signedInTeacher(t, api);
  await engine.answer('addNote', (r) =>
    r.student === UNKNOWN
      ? { ok: false, error: { code: 'not_found', message: 'no conversation with this student' } }
      : {
          ok: true,
          data: {
            message: buildMessage({
              id: 'note-1',
              type: 'note',
              private: true,
              status: 'received',
              text: r.text,
              agent_name: r.actor.name,
            }),
          },
        },
  );
});

const note = (student: string, body: unknown, token = agent.token) =>
  send(`${api.url}/api/admin/conversations/${student}/notes`, { method: 'POST', token, body });
const auditsOf = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

describe('POST /api/admin/conversations/{student}/notes', () => {
  it("writes the agent's note through the engine and answers it as a private message", async () => {
    const res = await note(PHONE, { text: '  Mum called: exam clash on Friday.  ' });
    expect(res.status).toBe(201);
    const { message } = (await res.json()) as { message: Record<string, unknown> };
    expect(message).toMatchObject({
      id: 'note-1',
      type: 'note',
      private: true,
      status: 'received',
      author: 'agent',
      text: 'Mum called: exam clash on Friday.',
    });
    expect(engine.received.at(-1)).toEqual({
      name: 'addNote',
      valid: true,
      body: {
        actor: { id: agent.user.id, name: 'ms.khumalo', role: 'agent' },
        student: PHONE,
        text: 'Mum called: exam clash on Friday.',
        correlationId: res.headers.get('x-request-id'),
      },
      correlationId: res.headers.get('x-request-id'),
    });
  });

  it('audits who wrote a note on which conversation, never what it says', async () => {
    await note(PHONE, { text: 'CONFIDENTIAL: counselling referral' });
    const entry = (await auditsOf('note.added')).at(-1);
    expect(entry).toMatchObject({ actor_id: agent.user.id, target: PHONE, details: { outcome: 'ok', message_id: 'note-1', length: 34 } });
    expect(JSON.stringify(entry)).not.toContain('CONFIDENTIAL');
  });

  it('refuses an empty, oversized, missing or padded-out note before asking the engine', async () => {
    const before = engine.received.length;
    for (const body of [{ text: '   ' }, { text: 'x'.repeat(4097) }, {}, { text: 'ok', private: false }, { text: 42 }]) {
      const res = await note(PHONE, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await errorCodeOf(res)).toBe('invalid_request');
    }
    expect(engine.received.length).toBe(before);
  });

  it('answers 404 for a student the engine does not know, and audits the refusal', async () => {
    const res = await note(UNKNOWN, { text: 'who is this?' });
    expect(res.status).toBe(404);
    expect(await errorCodeOf(res)).toBe('not_found');
    expect((await auditsOf('note.added')).at(-1)).toMatchObject({ target: UNKNOWN, details: { outcome: 'not_found' } });
  });

  it('answers 401 without a token', async () => {
    expect((await send(`${api.url}/api/admin/conversations/${PHONE}/notes`, { method: 'POST', body: { text: 'hi' } })).status).toBe(401);
  });
});
