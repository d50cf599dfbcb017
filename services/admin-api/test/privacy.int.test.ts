import {
  consentSettingsSchema,
  consentStatusSchema,
  retentionPreviewSchema,
  type ConsentStatusView,
  type RetentionPreview,
} from '@app/contracts';
import { sql } from '@app/db';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { useApiWithEngine, type EngineResponder } from './engine-responder';
import { errorCodeOf, send, signedInHead, signedInTeacher, signedInUser, type SignedInUser, type TestSchema } from './harness';

/*
 * The engine side is a stand-in (engine-responder.ts): these tests assert what admin-api does with consent,
 * retention and staff reads: who may do what, what it validates before asking the engine, the audit rows
 * (thread opens written once per open, coalesced). The engine's own behaviour is in its tests.
 */
let t: TestSchema;
let api: RunningAdminApi;
let engine: EngineResponder;
let admin: SignedInUser;
let otherAdmin: SignedInUser;
let agent: SignedInUser;
const STUDENT = '2348012345678';
const UNKNOWN = '2348000000000';

const pending: ConsentStatusView = { age_band: '13_15', status: 'pending', consent: null };
const preview = (over: Partial<RetentionPreview> = {}): RetentionPreview => ({
  settings: { enabled: false, days: 365 },
  cutoff: null,
  due: { conversations: 0, messages: 0, media: 0 },
  due_capped: false,
  oldest_due_activity_at: null,
  next_run_at: null,
  last_run_at: null,
  last_run_deleted: null,
  updated_at: null,
  updated_by: null,
  ...over,
});

useApiWithEngine((world) => ({ t, api, engine } = world));

beforeAll(async () => {
  admin = await signedInHead(t, api);
  otherAdmin = await signedInUser(t, api, 'deputy@school.org', 'admin');
  agent = await signedInTeacher(t, api);
  const notFound = { ok: false, error: { code: 'not_found', message: 'no conversation with this student' } } as const;
  await engine.answer('getConsentSettings', () => ({ ok: true, data: { ask_age_band: false, guardian_consent_bands: [] } }));
  await engine.answer('setConsentSettings', (r) => ({ ok: true, data: r.settings }));
  await engine.answer('getConsent', (r) => (r.student === UNKNOWN ? notFound : { ok: true, data: pending }));
  await engine.answer('recordConsent', (r) =>
    r.student === UNKNOWN
      ? notFound
      : {
          ok: true,
          data: {
            age_band: r.consent.age_band ?? '13_15',
            status: 'given',
            consent: { ...r.consent, method: 'staff', given_at: r.consent.given_at ?? new Date().toISOString(), recorded_by: r.actor.name },
          },
        },
  );
  await engine.answer('getRetention', () => ({ ok: true, data: preview() }));
  await engine.answer('setRetention', (r) => ({ ok: true, data: preview({ settings: r.settings, updated_by: r.actor.name }) }));
  await engine.answer('listMessages', (r) => (r.student === UNKNOWN ? notFound : { ok: true, data: { items: [], next_cursor: null } }));
});

const url = (path: string) => `${api.url}/api/admin${path}`;
const lastRequest = (name: string) => engine.received.filter((r) => r.name === name).at(-1);
const auditOf = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').execute();

describe('consent rules', () => {
  it('lets an agent read them and only an admin change them, audited with the new rules', async () => {
    const read = await send(url('/privacy/consent-settings'), { token: agent.token });
    expect(consentSettingsSchema.parse(await read.json())).toEqual({ ask_age_band: false, guardian_consent_bands: [] });

    const rules = { ask_age_band: true, guardian_consent_bands: ['under_13', '13_15'] };
    expect(await errorCodeOf(await send(url('/privacy/consent-settings'), { method: 'PUT', token: agent.token, body: rules }))).toBe(
      'forbidden',
    );
    const res = await send(url('/privacy/consent-settings'), { method: 'PUT', token: admin.token, body: rules });
    expect(res.status).toBe(200);
    expect((lastRequest('setConsentSettings')?.body as { settings: unknown }).settings).toEqual(rules);
    expect((await auditOf('consent.settings_updated'))[0]).toMatchObject({
      actor_id: admin.user.id,
      details: { outcome: 'ok', ask_age_band: true, guardian_consent_bands: ['under_13', '13_15'] },
    });
  });

  it.each([
    ['bands needing consent without the age question', { ask_age_band: false, guardian_consent_bands: ['under_13'] }],
    ['an unknown band', { ask_age_band: true, guardian_consent_bands: ['toddlers'] }],
    ['a band twice', { ask_age_band: true, guardian_consent_bands: ['13_15', '13_15'] }],
  ])('answers 400 for %s, before asking the engine', async (_name, body) => {
    const before = engine.received.length;
    const res = await send(url('/privacy/consent-settings'), { method: 'PUT', token: admin.token, body });
    expect([res.status, await errorCodeOf(res)]).toEqual([400, 'invalid_request']);
    expect(engine.received.length).toBe(before);
  });
});

describe("a student's consent", () => {
  const offline = {
    guardian_name: 'Alan Turing',
    relationship: 'parent',
    contact: '+44 20 7946 0000',
    evidence: 'signed form, filed at the office',
    given_at: '2026-12-01T09:00:00Z',
  };

  it('shows the status to an agent and answers 404 for a student never seen', async () => {
    const res = await send(url(`/conversations/${STUDENT}/consent`), { token: agent.token });
    expect(consentStatusSchema.parse(await res.json())).toEqual(pending);
    expect((await send(url(`/conversations/${UNKNOWN}/consent`), { token: agent.token })).status).toBe(404);
  });

  it('lets only an admin record a consent given offline, audited with who and the evidence but not the contact', async () => {
    expect(
      await errorCodeOf(await send(url(`/conversations/${STUDENT}/consent`), { method: 'POST', token: agent.token, body: offline })),
    ).toBe('forbidden');
    const res = await send(url(`/conversations/${STUDENT}/consent`), {
      method: 'POST',
      token: admin.token,
      body: { ...offline, age_band: '16_17' },
    });
    expect(res.status).toBe(200);
    expect(consentStatusSchema.parse(await res.json())).toMatchObject({
      status: 'given',
      age_band: '16_17',
      consent: { method: 'staff', recorded_by: 'head' },
    });
    const [entry] = await auditOf('consent.recorded');
    expect(entry).toMatchObject({
      actor_id: admin.user.id,
      target: STUDENT,
      details: {
        outcome: 'ok',
        status: 'given',
        guardian_name: 'Alan Turing',
        relationship: 'parent',
        evidence: 'signed form, filed at the office',
        age_band: '16_17',
      },
    });
    expect(JSON.stringify(entry?.details)).not.toContain('7946');

    const missing = await send(url(`/conversations/${UNKNOWN}/consent`), { method: 'POST', token: admin.token, body: offline });
    expect(missing.status).toBe(404);
    expect((await auditOf('consent.recorded'))[0]).toMatchObject({ target: UNKNOWN, details: { outcome: 'not_found' } });
  });

  it.each([
    ['no evidence', { ...offline, evidence: '' }],
    ['an unknown relationship', { ...offline, relationship: 'neighbour' }],
    ['a name of one letter', { ...offline, guardian_name: 'A' }],
    ['a date that is not one', { ...offline, given_at: 'yesterday' }],
  ])('answers 400 for %s, before asking the engine', async (_name, body) => {
    const before = engine.received.length;
    const res = await send(url(`/conversations/${STUDENT}/consent`), { method: 'POST', token: admin.token, body });
    expect([res.status, await errorCodeOf(res)]).toEqual([400, 'invalid_request']);
    expect(engine.received.length).toBe(before);
  });
});

describe('retention', () => {
  it('is for admins only, and changing it is audited with the new settings', async () => {
    expect(await errorCodeOf(await send(url('/privacy/retention'), { token: agent.token }))).toBe('forbidden');
    expect(retentionPreviewSchema.parse(await (await send(url('/privacy/retention'), { token: admin.token })).json())).toEqual(preview());

    const res = await send(url('/privacy/retention'), { method: 'PUT', token: admin.token, body: { enabled: true, days: 180 } });
    expect(retentionPreviewSchema.parse(await res.json())).toMatchObject({ settings: { enabled: true, days: 180 }, updated_by: 'head' });
    expect((await auditOf('retention.settings_updated'))[0]).toMatchObject({
      actor_id: admin.user.id,
      details: { outcome: 'ok', enabled: true, days: 180 },
    });
    expect(
      await errorCodeOf(await send(url('/privacy/retention'), { method: 'PUT', token: agent.token, body: { enabled: false, days: 180 } })),
    ).toBe('forbidden');
  });

  it.each([
    ['a period under a week', { enabled: true, days: 3 }],
    ['a period of a fraction of a day', { enabled: true, days: 30.5 }],
    ['no switch', { days: 30 }],
  ])('answers 400 for %s', async (_name, body) => {
    const res = await send(url('/privacy/retention'), { method: 'PUT', token: admin.token, body });
    expect([res.status, await errorCodeOf(res)]).toEqual([400, 'invalid_request']);
  });
});

describe('staff reads', () => {
  const open = (user: SignedInUser, student = STUDENT, query = '') =>
    send(url(`/conversations/${student}/messages${query}`), { token: user.token });
  const views = async (actorId: string, student = STUDENT) =>
    (await auditOf('conversation.viewed')).filter((e) => e.actor_id === actorId && e.target === student);

  it('audits opening a thread once: not older pages, not a re-open within minutes; another admin is another entry', async () => {
    expect((await open(agent)).status).toBe(200);
    const [first] = await views(agent.user.id);
    expect(first).toMatchObject({ actor_email: 'ms.khumalo@school.org', target: STUDENT, details: { role: 'agent' } });

    await open(agent);
    await open(agent, STUDENT, '?before=c2VxOjEwMA&limit=20');
    expect(await views(agent.user.id)).toHaveLength(1);

    await open(otherAdmin);
    expect(await views(otherAdmin.user.id)).toHaveLength(1);

    // Past the coalescing window, the next open is a new entry.
    await sql`update audit_log set created_at = now() - interval '6 minutes' where id = ${first!.id}`.execute(t.db);
    await open(agent);
    expect(await views(agent.user.id)).toHaveLength(2);
  });

  it('writes nothing when the thread could not be read', async () => {
    expect((await open(admin, UNKNOWN)).status).toBe(404);
    expect(await views(admin.user.id, UNKNOWN)).toEqual([]);
  });

  it('lists thread opens in the audit log, filterable by action', async () => {
    await open(admin);
    const res = await send(url('/audit?action=conversation.viewed'), { token: admin.token });
    const body = (await res.json()) as { items: { action: string; target: string; actor_email: string }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e) => e.action === 'conversation.viewed')).toBe(true);
    expect(body.items).toContainEqual(expect.objectContaining({ target: STUDENT, actor_email: 'head@school.org' }));
  });
});
