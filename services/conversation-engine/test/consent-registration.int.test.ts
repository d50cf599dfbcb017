import { describe, expect, it } from 'vitest';
import type { ConsentSettings } from '@app/contracts';
import { DEFAULT_TEXTS as T } from '../src/domain/bot';
import { correlationId, JOHN, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { MENU_IDS, studentAtClassChoice, type StudentTalking } from './student-driver';

// The age band and a guardian's consent, driven through the engine as WhatsApp messages (issue 15), with the
// school's rules set over the engine RPC as admin-api does.

const AGE_IDS = ['age:under_13', 'age:13_15', 'age:16_17', 'age:18_plus'];

describe('age band and guardian consent in registration', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  useEngineWithAdmin((world) => ({ h, admin } = world));

  const setRules = (settings: ConsentSettings) => admin.ok('setConsentSettings', { actor: MARY, settings, correlationId: correlationId() });
  const consentOf = (student: StudentTalking) => admin.ok('getConsent', { actor: JOHN, student: student.key });
  const consentRow = async (student: StudentTalking) => {
    const conversation = await student.conversation();
    return h.db.selectFrom('student_consents').selectAll().where('conversation_id', '=', conversation!.id).executeTakeFirst();
  };

  it('keeps registration as it was while the school asks nothing (the default): no age question, nothing recorded', async () => {
    expect(await admin.ok('getConsentSettings', { actor: JOHN })).toEqual({ ask_age_band: false, guardian_consent_bands: [] });
    const student = await studentAtClassChoice(h);
    const done = await student.picks('class:grade-9', 'Grade 9');
    expect(done.map((r) => r.kind)).toEqual(['text', 'list']);
    expect(done[1]?.ids).toEqual(MENU_IDS);
    expect(await consentRow(student)).toBeUndefined();
    expect(await consentOf(student)).toEqual({ age_band: null, status: 'not_required', consent: null });
  });

  it('asks the age group after the class when the school asks it, and stores it with the profile; no consent when none is required', async () => {
    await setRules({ ask_age_band: true, guardian_consent_bands: [] });
    const student = await studentAtClassChoice(h);
    const asked = await student.picks('class:grade-9', 'Grade 9');
    expect(asked.map((r) => [r.kind, r.ids])).toEqual([['list', AGE_IDS]]);
    expect(await student.profile()).toBeUndefined();

    expect((await student.says('fourteen'))[0]?.body).toContain(T['registration.age_invalid']);
    const done = await student.picks('age:13_15', 'a title the engine must ignore');
    expect(done.map((r) => r.kind)).toEqual(['text', 'list']);
    expect(done[0]?.body).toContain("You're registered!");
    expect(await student.profile()).toMatchObject({ name: 'Ada Lovelace', class_name: 'Grade 9' });
    expect(await consentOf(student)).toEqual({ age_band: '13_15', status: 'not_required', consent: null });
    // Homework is open to them.
    expect((await student.taps('homework'))[0]?.body).toContain(T['homework.ask_subject']);
  });

  it('records a guardian consent given in the chat: who, how related, a contact, when and how', async () => {
    await setRules({ ask_age_band: true, guardian_consent_bands: ['under_13', '13_15'] });
    const student = await studentAtClassChoice(h);
    await student.picks('class:grade-7', 'Grade 7');
    const registered = await student.picks('age:under_13');
    expect(registered.map((r) => [r.kind, r.ids])).toEqual([
      ['text', []],
      ['buttons', ['consent_later']],
    ]);
    expect(registered[1]?.body).toContain(T['consent.intro']);
    expect(await consentOf(student)).toMatchObject({ age_band: 'under_13', status: 'pending', consent: null });

    const relationship = await student.says('Grace Hopper');
    expect(relationship[0]?.ids).toEqual(['relationship:parent', 'relationship:guardian', 'relationship:other']);
    expect(relationship[0]?.body).toContain('How are you related to Ada Lovelace?');
    await student.taps('relationship:guardian');
    expect((await student.says('call me maybe'))[0]?.body).toContain(T['consent.contact_invalid']);
    const confirm = await student.says('+234 801 234 5678');
    expect(confirm[0]?.ids).toEqual(['consent_yes', 'consent_no']);
    const given = await student.taps('consent_yes');
    expect(given[0]?.body).toContain(T['consent.given']);
    expect(given[0]?.ids).toEqual(MENU_IDS);

    const status = await consentOf(student);
    expect(status).toEqual({
      age_band: 'under_13',
      status: 'given',
      consent: {
        guardian_name: 'Grace Hopper',
        relationship: 'guardian',
        contact: '+234 801 234 5678',
        method: 'whatsapp',
        evidence: "guardian confirmed on WhatsApp from the student's number",
        given_at: expect.any(String),
        recorded_by: null,
      },
    });
    expect((await student.taps('homework'))[0]?.body).toContain(T['homework.ask_subject']);
  });

  it('holds homework uploads until consent, keeps the FAQ and support chat open, and offers consent again from homework', async () => {
    await setRules({ ask_age_band: true, guardian_consent_bands: ['13_15'] });
    const student = await studentAtClassChoice(h);
    await student.picks('class:grade-9');
    await student.picks('age:13_15');
    expect((await student.taps('consent_later'))[0]?.body).toContain(T['consent.later_note']);

    const blocked = await student.taps('homework');
    expect(blocked.map((r) => [r.kind, r.ids])).toEqual([['buttons', ['consent_start', 'menu']]]);
    expect(blocked[0]?.body).toContain(T['consent.homework_blocked']);
    expect(await student.botState()).toEqual({ step: 'menu' });
    expect((await student.taps('faq'))[0]?.kind).toBe('list');

    // The guardian is there now: from the notice straight into the consent questions; they decline.
    expect((await student.taps('consent_start'))[0]?.ids).toEqual(['consent_later']);
    await student.says('Grace Hopper');
    await student.taps('relationship:parent');
    await student.says('grace@example.com');
    expect((await student.taps('consent_no'))[0]?.body).toContain(T['consent.declined']);
    expect(await consentOf(student)).toMatchObject({ status: 'pending', consent: null });

    // Safeguarding: a student waiting for consent can still reach a person.
    const support = await student.says('support');
    expect(support[0]?.ids).toEqual(['end_chat']);
    expect((await student.conversation())?.support_status).toBe('waiting');
  });

  it('lets an admin record consent given offline, with the evidence, and the student may then upload homework', async () => {
    await setRules({ ask_age_band: true, guardian_consent_bands: ['16_17'] });
    const student = await studentAtClassChoice(h);
    await student.picks('class:grade-11');
    await student.picks('age:16_17');
    await student.taps('consent_later');

    const recorded = await admin.ok('recordConsent', {
      actor: MARY,
      student: student.key,
      consent: {
        guardian_name: ' Alan Turing ',
        relationship: 'parent',
        contact: 'alan@example.com',
        evidence: 'signed paper form, filed at the office',
        given_at: '2026-12-01T09:00:00Z',
      },
      correlationId: correlationId(),
    });
    expect(recorded).toEqual({
      age_band: '16_17',
      status: 'given',
      consent: {
        guardian_name: 'Alan Turing',
        relationship: 'parent',
        contact: 'alan@example.com',
        method: 'staff',
        evidence: 'signed paper form, filed at the office',
        given_at: '2026-12-01T09:00:00.000Z',
        recorded_by: MARY.name,
      },
    });
    expect((await student.taps('homework'))[0]?.body).toContain(T['homework.ask_subject']);
  });

  it('refuses rules and records that make no sense, and unknown students', async () => {
    expect(
      await admin.raw('privacy.consent-settings.set', {
        actor: MARY,
        settings: { ask_age_band: false, guardian_consent_bands: ['under_13'] },
        correlationId: correlationId(),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(
      await admin.raw('privacy.consent-settings.set', {
        actor: MARY,
        settings: { ask_age_band: true, guardian_consent_bands: ['toddler'] },
        correlationId: correlationId(),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    const consent = {
      guardian_name: 'Alan Turing',
      relationship: 'parent',
      contact: 'alan@example.com',
      evidence: 'a phone call',
    } as const;
    expect(
      await admin.refusal('recordConsent', { actor: MARY, student: '447700900999', consent, correlationId: correlationId() }),
    ).toMatchObject({ code: 'not_found' });
    const student = await studentAtClassChoice(h);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(
      await admin.refusal('recordConsent', {
        actor: MARY,
        student: student.key,
        consent: { ...consent, given_at: future },
        correlationId: correlationId(),
      }),
    ).toMatchObject({
      code: 'invalid_request',
    });
    expect(await admin.refusal('getConsent', { actor: JOHN, student: '447700900999' })).toMatchObject({ code: 'not_found' });
  });
});
