import { randomUUID } from 'node:crypto';
import { closureViewSchema, officeHoursViewSchema, type ClosureView, type OfficeHoursView } from '@app/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RunningAdminApi } from '../src/admin-api';
import { useApiWithEngine, type EngineResponder } from './engine-responder';
import { errorCodeOf, send, signedInHead, signedInTeacher, type SignedInUser, type TestSchema } from './harness';

/*
 * The engine side is a stand-in (engine-responder.ts): these tests assert what admin-api does with office
 * hours: who may read and change them, what it validates before asking the engine, what it sends, the audit
 * rows, and the dashboard's filter passed through. The engine's own behaviour is in the engine's tests.
 */
let t: TestSchema;
let api: RunningAdminApi;
let engine: EngineResponder;
let admin: SignedInUser;
let agent: SignedInUser;
const MISSING = randomUUID();

const empty = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };
const view = (over: Partial<OfficeHoursView> = {}): OfficeHoursView => ({
  enabled: true,
  time_zone: 'Africa/Lagos',
  weekly: { ...empty, monday: [{ start: '08:00', end: '12:00' }] },
  closures: [],
  open_now: false,
  next_change_at: '2026-12-14T07:00:00.000Z',
  next_change_label: 'Monday 8:00 (WAT)',
  updated_at: null,
  updated_by: null,
  ...over,
});
const closure = (over: Partial<ClosureView> = {}): ClosureView => ({
  id: randomUUID(),
  start_date: '2026-12-24',
  end_date: '2026-12-26',
  reason: 'Christmas',
  created_at: new Date().toISOString(),
  created_by: 'Head',
  ...over,
});

useApiWithEngine((world) => ({ t, api, engine } = world));

beforeAll(async () => {
  admin = await signedInHead(t, api);
  agent = await signedInTeacher(t, api);
  await engine.answer('getOfficeHours', () => ({ ok: true, data: view({ closures: [closure()] }) }));
  await engine.answer('setOfficeHours', (r) => ({ ok: true, data: view({ ...r.settings, updated_by: r.actor.name }) }));
  await engine.answer('addClosure', (r) => ({ ok: true, data: { closure: closure({ ...r.closure, created_by: r.actor.name }) } }));
  await engine.answer('removeClosure', (r) =>
    r.id === MISSING
      ? { ok: false, error: { code: 'not_found', message: 'no closure with this id' } }
      : { ok: true, data: { closure: closure({ id: r.id }) } },
  );
});

const url = (path = '') => `${api.url}/api/admin/office-hours${path}`;
const lastRequest = (name: string) => engine.received.filter((r) => r.name === name).at(-1);
const auditOf = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').execute();
const schedule = {
  enabled: true,
  time_zone: 'Africa/Lagos',
  weekly: {
    monday: [
      { start: '13:00', end: '16:00' },
      { start: '08:00', end: '12:00' },
    ],
    friday: [{ start: '22:00', end: '24:00' }],
    saturday: [{ start: '00:00', end: '02:00' }],
  },
};

describe('office hours', () => {
  it('lets an agent read the schedule, its closures and whether the team is in hours', async () => {
    const res = await send(url(), { token: agent.token });
    expect(res.status).toBe(200);
    const body = officeHoursViewSchema.parse(await res.json());
    expect(body).toMatchObject({ open_now: false, next_change_label: 'Monday 8:00 (WAT)' });
    expect(lastRequest('getOfficeHours')?.body).toMatchObject({ actor: { id: agent.user.id, role: 'agent' } });

    const closures = await send(url('/closures'), { token: agent.token });
    expect(closures.status).toBe(200);
    expect(z.strictObject({ items: z.array(closureViewSchema) }).parse(await closures.json()).items).toHaveLength(1);
  });

  it('refuses every change to an agent', async () => {
    const before = engine.received.length;
    expect(await errorCodeOf(await send(url(), { method: 'PUT', token: agent.token, body: schedule }))).toBe('forbidden');
    expect(
      await errorCodeOf(
        await send(url('/closures'), { method: 'POST', token: agent.token, body: { start_date: '2026-12-24', reason: 'x' } }),
      ),
    ).toBe('forbidden');
    expect(await errorCodeOf(await send(url(`/closures/${randomUUID()}`), { method: 'DELETE', token: agent.token }))).toBe('forbidden');
    expect(engine.received.length).toBe(before);
  });

  it('replaces the schedule for an admin: periods sorted, missing days empty, audited with the schedule', async () => {
    const res = await send(url(), { method: 'PUT', token: admin.token, body: schedule });
    expect(res.status).toBe(200);
    expect(officeHoursViewSchema.parse(await res.json()).updated_by).toBe('head');
    const sent = lastRequest('setOfficeHours');
    expect(sent).toMatchObject({ valid: true, correlationId: res.headers.get('x-request-id') });
    expect((sent?.body as { settings: unknown }).settings).toEqual({
      enabled: true,
      time_zone: 'Africa/Lagos',
      weekly: {
        ...empty,
        monday: [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '16:00' },
        ],
        friday: [{ start: '22:00', end: '24:00' }],
        saturday: [{ start: '00:00', end: '02:00' }],
      },
    });
    expect((await auditOf('office_hours.updated'))[0]).toMatchObject({
      actor_id: admin.user.id,
      details: { outcome: 'ok', time_zone: 'Africa/Lagos', open_now: false },
    });
  });

  it('sends the time zone as the runtime spells it', async () => {
    const res = await send(url(), { method: 'PUT', token: admin.token, body: { ...schedule, time_zone: 'africa/lagos' } });
    expect(res.status).toBe(200);
    expect((lastRequest('setOfficeHours')?.body as { settings: { time_zone: string } }).settings.time_zone).toBe('Africa/Lagos');
  });

  it.each([
    ['a period across midnight', { monday: [{ start: '22:00', end: '02:00' }] }, 'Africa/Lagos'],
    [
      'overlapping periods',
      {
        monday: [
          { start: '08:00', end: '12:00' },
          { start: '11:30', end: '13:00' },
        ],
      },
      'Africa/Lagos',
    ],
    ['a time not as HH:MM', { monday: [{ start: '8am', end: '12:00' }] }, 'Africa/Lagos'],
    [
      'too many periods in a day',
      { monday: ['00', '02', '04', '06', '08', '10', '12'].map((h) => ({ start: `${h}:00`, end: `${h}:30` })) },
      'Africa/Lagos',
    ],
    ['an unknown time zone', {}, 'Mars/Olympus_Mons'],
  ])('answers 400 for %s, before asking the engine', async (_name, weekly, timeZone) => {
    const before = engine.received.length;
    const res = await send(url(), { method: 'PUT', token: admin.token, body: { enabled: true, time_zone: timeZone, weekly } });
    expect([res.status, await errorCodeOf(res)]).toEqual([400, 'invalid_request']);
    expect(engine.received.length).toBe(before);
  });

  it('adds a one-day closure (end defaults to start) and refuses a range that ends before it starts', async () => {
    const res = await send(url('/closures'), {
      method: 'POST',
      token: admin.token,
      body: { start_date: '2027-01-01', reason: "New Year's Day" },
    });
    expect(res.status).toBe(201);
    expect((lastRequest('addClosure')?.body as { closure: unknown }).closure).toEqual({
      start_date: '2027-01-01',
      end_date: '2027-01-01',
      reason: "New Year's Day",
    });
    expect((await auditOf('office_hours.closure_added'))[0]).toMatchObject({
      details: { outcome: 'ok', start_date: '2027-01-01', reason: "New Year's Day" },
    });

    const backwards = await send(url('/closures'), {
      method: 'POST',
      token: admin.token,
      body: { start_date: '2027-01-05', end_date: '2027-01-01', reason: 'Break' },
    });
    expect([backwards.status, await errorCodeOf(backwards)]).toEqual([400, 'invalid_request']);
    const notADate = await send(url('/closures'), {
      method: 'POST',
      token: admin.token,
      body: { start_date: '2027-02-30', reason: 'Break' },
    });
    expect(notADate.status).toBe(400);
  });

  it('removes a closure, audited, and answers 404 for one that is not there', async () => {
    const id = randomUUID();
    const res = await send(url(`/closures/${id}`), { method: 'DELETE', token: admin.token });
    expect(res.status).toBe(200);
    expect((await auditOf('office_hours.closure_removed'))[0]).toMatchObject({ target: id, details: { outcome: 'ok' } });
    const missing = await send(url(`/closures/${MISSING}`), { method: 'DELETE', token: admin.token });
    expect([missing.status, await errorCodeOf(missing)]).toEqual([404, 'not_found']);
    expect((await auditOf('office_hours.closure_removed'))[0]).toMatchObject({ target: MISSING, details: { outcome: 'not_found' } });
  });

  it('passes the "arrived while closed" filter of the conversations list to the engine', async () => {
    await engine.answer('listConversations', () => ({ ok: true, data: { items: [], next_cursor: null } }));
    const res = await send(`${api.url}/api/admin/conversations?arrived_while_closed=true`, { token: agent.token });
    expect(res.status).toBe(200);
    expect(lastRequest('listConversations')?.body).toMatchObject({ arrived_while_closed: true });
  });
});
