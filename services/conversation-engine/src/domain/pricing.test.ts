import { describe, expect, it } from 'vitest';
import { isBillable, pricingOfStatus } from './pricing';

describe('pricingOfStatus', () => {
  it("keeps type and category, priced at the status's own time", () => {
    expect(pricingOfStatus({ pricing_model: 'PMP', type: 'regular', category: 'marketing' }, '1767225600')).toEqual({
      type: 'regular',
      category: 'marketing',
      pricedAt: new Date('2026-01-01T00:00:00.000Z'),
    });
  });

  it('keeps the category of an older webhook without a type', () => {
    expect(pricingOfStatus({ billable: true, pricing_model: 'CBP', category: 'service' }, '1767225600')).toMatchObject({
      type: null,
      category: 'service',
    });
  });

  it('has nothing to keep for a status without pricing, or with an empty one', () => {
    expect(pricingOfStatus(undefined, '1767225600')).toBeNull();
    expect(pricingOfStatus({ pricing_model: 'PMP' }, '1767225600')).toBeNull();
  });
});

describe('isBillable', () => {
  it.each([
    ['regular', true],
    ['free_customer_service', false],
    ['free_entry_point', false],
    [null, false],
  ])('says %s is billable: %s', (type, billable) => {
    expect(isBillable(type)).toBe(billable);
  });
});
