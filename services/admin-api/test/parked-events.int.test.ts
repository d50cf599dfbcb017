import { randomUUID } from 'node:crypto';
import { parkedEventViewSchema, type ParkedEventView } from '@app/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RunningAdminApi } from '../src/admin-api';
import { useApiWithEngine, type EngineResponder } from './engine-responder';
import { errorCodeOf, send, signedInHead, signedInTeacher, type SignedInUser, type TestSchema } from './harness';

/*
 * The engine side is a stand-in (engine-responder.ts), so these tests assert what admin-api does with it:
 * the request it sends (actor, correlation id, parsed query), its statuses and error mapping, its audit rows,
 * who may call it and what it refuses before asking. They do not assert the stand-in's own data back.
 */
let t: TestSchema;
let api: RunningAdminApi;
let engine: EngineResponder;
let admin: SignedInUser;
let agent: SignedInUser;

// Ids that make the stand-in refuse, or not answer at all.
const REFUSED = { not_found: randomUUID(), invalid_request: randomUUID(), internal: randomUUID() } as const;
const SILENT = randomUUID();
const FAILS_AGAIN = randomUUID();

const view = (id: string, overrides: Partial<ParkedEventView>): ParkedEventView => ({
  id,
  source: 'inbound',
  subject: 'test.inbound',
  stream_seq: 1,
  phone_number: null,
  payload: '{}',
  error: 'an error',
  attempts: 5,
  status: 'parked',
  parked_at: new Date().toISOString(),
  resolved_at: null,
  resolved_by: null,
  ...overrides,
});

useApiWithEngine((world) => ({ t, api, engine } = world), { env: { ENGINE_RPC_TIMEOUT_MS: '300' } });

beforeAll(async () => {
  admin = await signedInHead(t, api);
  agent = await signedInTeacher(t, api);
  await engine.answer('listParkedEvents', (r) => ({
    ok: true,
    data: { items: [view(randomUUID(), { status: r.status })], next_cursor: null },
  }));
  const command = (status: ParkedEventView['status']) => (r: { id: string; actor: { name: string } }) => {
    if (r.id === SILENT) return 'silent' as const;
    const code = Object.entries(REFUSED).find(([, id]) => id === r.id)?.[0];
    if (code) return { ok: false as const, error: { code: code as 'internal', message: `engine says ${code}` } };
    if (r.id === FAILS_AGAIN) return { ok: true as const, data: { event: view(r.id, { attempts: 6, error: 'failed again' }) } };
    return { ok: true as const, data: { event: view(r.id, { status, resolved_by: r.actor.name, resolved_at: new Date().toISOString() }) } };
  };
  await engine.answer('retryParkedEvent', command('retried'));
  await engine.answer('discardParkedEvent', command('discarded'));
});

const url = (path: string) => `${api.url}/api/admin/parked-events${path}`;
const command = (id: string, verb: 'retry' | 'discard', token = admin.token) => send(url(`/${id}/${verb}`), { method: 'POST', token });
const lastRequest = (name: string) => engine.received.filter((r) => r.name === name).at(-1);
const auditOf = (target: string) => t.db.selectFrom('audit_log').selectAll().where('target', '=', target).orderBy('id', 'desc').execute();
const eventAnswer = z.strictObject({ event: parkedEventViewSchema });

describe('parked events', () => {
  it('lists them for an admin, passing the parsed query and the actor to the engine', async () => {
    const res = await send(url('?status=discarded&limit=10&cursor=c1'), { token: admin.token });
    expect(res.status).toBe(200);
    expect(
      z.strictObject({ items: z.array(parkedEventViewSchema), next_cursor: z.string().nullable() }).safeParse(await res.json()).success,
    ).toBe(true);
    expect(lastRequest('listParkedEvents')).toMatchObject({
      valid: true,
      body: { actor: { id: admin.user.id, role: 'admin' }, status: 'discarded', limit: 10, cursor: 'c1' },
      correlationId: res.headers.get('x-request-id'),
    });
  });

  it("asks for the contract's defaults (parked, 50) when the query does not set them", async () => {
    expect((await send(url(''), { token: admin.token })).status).toBe(200);
    expect(lastRequest('listParkedEvents')?.body).toEqual({
      actor: expect.objectContaining({ id: admin.user.id }),
      status: 'parked',
      limit: 50,
    });
  });

  it.each(['retry', 'discard'] as const)(
    '%s: sends the id with the actor and correlation id, answers 200 {event} and audits the new status',
    async (verb) => {
      const id = randomUUID();
      const res = await command(id, verb);
      expect(res.status).toBe(200);
      const answer = eventAnswer.parse(await res.json());
      const name = verb === 'retry' ? 'retryParkedEvent' : 'discardParkedEvent';
      expect(lastRequest(name)).toMatchObject({
        valid: true,
        body: { actor: { id: admin.user.id, role: 'admin' }, id, correlationId: res.headers.get('x-request-id') },
      });
      const rows = await auditOf(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: verb === 'retry' ? 'parked_event.retried' : 'parked_event.discarded',
        actor_id: admin.user.id,
        details: {
          outcome: 'ok',
          status: answer.event.status,
          attempts: answer.event.attempts,
          correlation_id: res.headers.get('x-request-id'),
        },
      });
    },
  );

  it('answers 200 for a retry that failed again, and audits it as still parked', async () => {
    const res = await command(FAILS_AGAIN, 'retry');
    expect(res.status).toBe(200);
    const { event } = eventAnswer.parse(await res.json());
    expect((await auditOf(FAILS_AGAIN))[0]).toMatchObject({ details: { outcome: 'ok', status: event.status, attempts: event.attempts } });
  });

  it.each([
    ['not_found', 404, 'not_found'],
    ['invalid_request', 409, 'not_parked'],
    ['internal', 500, 'internal'],
  ] as const)('maps the engine refusal %s to %i %s, audited with that outcome', async (engineCode, status, code) => {
    const id = REFUSED[engineCode];
    const res = await command(id, 'discard');
    expect([res.status, await errorCodeOf(res)]).toEqual([status, code]);
    expect((await auditOf(id))[0]).toMatchObject({ action: 'parked_event.discarded', details: { outcome: code } });
  });

  it('answers 503 engine_unavailable when the engine does not answer in time, audited as unknown', async () => {
    const res = await command(SILENT, 'retry');
    expect([res.status, await errorCodeOf(res)]).toEqual([503, 'engine_unavailable']);
    expect((await auditOf(SILENT))[0]).toMatchObject({ details: { outcome: 'engine_unavailable' } });
  });

  it.each([
    ['a list for an agent', () => send(url(''), { token: agent.token })],
    ['a retry for an agent', () => command(randomUUID(), 'retry', agent.token)],
    ['a discard for an agent', () => command(randomUUID(), 'discard', agent.token)],
  ])('refuses %s with 403 without asking the engine', async (_what, call) => {
    const before = engine.received.length;
    const res = await call();
    expect([res.status, await errorCodeOf(res)]).toEqual([403, 'forbidden']);
    expect(engine.received.length).toBe(before);
  });

  it('answers 401 without a token', async () => {
    expect((await send(url(''))).status).toBe(401);
    expect((await send(url(`/${randomUUID()}/retry`), { method: 'POST' })).status).toBe(401);
  });

  it.each([
    ['an id that is not a uuid', () => command('not-a-uuid', 'retry')],
    ['an unknown status', () => send(url('?status=lost'), { token: admin.token })],
    ['a limit over 100', () => send(url('?limit=101'), { token: admin.token })],
  ])('answers 400 invalid_request for %s without asking the engine', async (_what, call) => {
    const before = engine.received.length;
    const res = await call();
    expect([res.status, await errorCodeOf(res)]).toEqual([400, 'invalid_request']);
    expect(engine.received.length).toBe(before);
  });
});
