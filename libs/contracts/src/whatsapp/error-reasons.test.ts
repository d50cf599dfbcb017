import { describe, expect, it } from 'vitest';
import { deliveryFailureReason } from './error-reasons';

describe('deliveryFailureReason', () => {
  it.each([
    [131049, /marketing messages one person receives.*within 24 hours/],
    [131050, /stopped marketing messages/],
    [130472, /test group.*not delivered.*conversation they start/],
    [131026, /number may not be on WhatsApp.*too old.*terms/],
    [131047, /24 hours.*template/],
  ])('explains code %i in plain words', (code, expected) => {
    expect(deliveryFailureReason(code)).toMatch(expected);
  });

  it('names no code and gives a general reason for a code it does not know', () => {
    expect(deliveryFailureReason(999_999)).toBe('WhatsApp did not deliver this message.');
  });
});
