import { describe, expect, it } from 'vitest';
import type { ConsentContext } from '../consent';
import { validateContact } from './consent';
import { DEFAULT_TEXTS as T } from './default-texts';
import { needsConsentContext } from './handle-inbound';
import { bodyOf, idsOf, inputs as i, newcomer, run, student } from './testing/fixtures';

const RULES: ConsentContext = { askAgeBand: true, guardianConsentBands: ['under_13', '13_15'], ageBand: null, consented: false };
const registering = newcomer({ step: 'registration.class', name: 'Ada Lovelace', email: 'ada@example.com' });

describe('the age question and consent in the bot', () => {
  it('ends registration at the class when the school does not ask the age group', () => {
    const result = run(registering, i.text('Form 2'), { consent: { ...RULES, askAgeBand: false, guardianConsentBands: [] } });
    expect(result.botState).toEqual({ step: 'menu' });
    expect(result.events.map((e) => e.type)).toEqual(['student.registered']);
  });

  it('asks the age group after the class, and registers with the band', () => {
    const asked = run(registering, i.text('Form 2'), { consent: RULES });
    expect(asked.botState).toEqual({ step: 'registration.age', name: 'Ada Lovelace', email: 'ada@example.com', className: 'Form 2' });
    expect(asked.events).toEqual([]);
    expect(asked.messages.flatMap(idsOf)).toEqual(['age:under_13', 'age:13_15', 'age:16_17', 'age:18_plus']);

    const adult = run(newcomer(asked.botState), i.tap('age:18_plus'), { consent: RULES });
    expect(adult.botState).toEqual({ step: 'menu' });
    expect(adult.events).toEqual([
      { type: 'student.registered', profile: { name: 'Ada Lovelace', email: 'ada@example.com', className: 'Form 2' } },
      { type: 'student.age_band_given', ageBand: '18_plus' },
    ]);
  });

  it('goes straight to the guardian after registering a student whose band needs consent', () => {
    const minor = run(
      newcomer({ step: 'registration.age', name: 'Ada Lovelace', email: 'ada@example.com', className: 'Form 2' }),
      i.tap('age:13_15'),
      { consent: RULES },
    );
    expect(minor.botState).toEqual({ step: 'consent.name' });
    expect(minor.messages.map((m) => m.kind)).toEqual(['text', 'buttons']);
    expect(bodyOf(minor.messages[1]!)).toContain(T['consent.intro']);
  });

  it('holds homework while consent is pending, and offers to give it', () => {
    const pending = { ...RULES, ageBand: '13_15' as const };
    const blocked = run(student({ step: 'menu' }), i.tap('homework'), { consent: pending });
    expect(blocked.botState).toEqual({ step: 'menu' });
    expect(blocked.messages.flatMap(idsOf)).toEqual(['consent_start', 'menu']);
    const submitting = run(student({ step: 'homework.work', subjectId: null, subject: 'General' }), i.text('my answers'), {
      consent: pending,
    });
    expect(submitting.events).toEqual([]);
    expect(run(student({ step: 'menu' }), i.tap('consent_start'), { consent: pending }).botState).toEqual({ step: 'consent.name' });
    expect(run(student({ step: 'menu' }), i.tap('homework'), { consent: { ...pending, consented: true } }).botState).toEqual({
      step: 'homework.subject',
    });
    expect(run(student({ step: 'menu' }), i.tap('consent_start'), { consent: { ...pending, consented: true } }).botState).toEqual({
      step: 'menu',
    });
  });

  it('reads the rules only for the turns they can change', () => {
    expect(needsConsentContext(student({ step: 'menu' }), i.text('hello'))).toBe(false);
    expect(needsConsentContext(student({ step: 'faq.categories' }), i.tap('faq_cat:fees'))).toBe(false);
    expect(needsConsentContext(student({ step: 'menu' }), i.tap('homework'))).toBe(true);
    expect(needsConsentContext(registering, i.text('Form 2'))).toBe(true);
    expect(needsConsentContext(student({ step: 'homework.work', subjectId: null, subject: 'General' }), i.image())).toBe(true);
  });

  it.each([
    ['+234 801 234 5678', true],
    ['08012345678', true],
    ['grace@example.com', true],
    ['call me', false],
    ['12345', false],
    ['+1 (555) 010-9999-1234-5678', false],
  ])('takes %s as a contact: %s', (raw, ok) => {
    expect(validateContact(raw).ok).toBe(ok);
  });
});
