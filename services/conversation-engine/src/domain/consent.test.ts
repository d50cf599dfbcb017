import { describe, expect, it } from 'vitest';
import { consentPending, consentStatus, type ConsentContext } from './consent';

const rules = (over: Partial<ConsentContext> = {}): ConsentContext => ({
  askAgeBand: true,
  guardianConsentBands: ['under_13', '13_15'],
  ageBand: null,
  consented: false,
  ...over,
});

describe('where a student stands on consent', () => {
  it.each([
    ['the school requires none', rules({ guardianConsentBands: [], ageBand: 'under_13' }), 'not_required'],
    ['their band needs none', rules({ ageBand: '16_17' }), 'not_required'],
    ['their band needs it and none is recorded', rules({ ageBand: '13_15' }), 'pending'],
    ['it was given', rules({ ageBand: 'under_13', consented: true }), 'given'],
    ['it was given though the school requires none', rules({ guardianConsentBands: [], consented: true }), 'given'],
    ['they never gave a band', rules(), 'age_unknown'],
  ] as const)('%s: %s', (_name, context, status) => {
    expect(consentStatus(context)).toBe(status);
    expect(consentPending(context)).toBe(status === 'pending');
  });

  it('holds nobody back when the rules were not loaded for the turn', () => {
    expect(consentPending(undefined)).toBe(false);
  });
});
