import { describe, expect, it } from 'vitest';
import { whatsAppStatusSchema } from './webhook.schema';

const status = { id: 'wamid.OUT1', status: 'delivered', timestamp: '1767225600', recipient_id: '447700900001' };

describe("a status webhook's pricing", () => {
  it('is read with its per-message pricing type and category, and the optional conversation object', () => {
    const parsed = whatsAppStatusSchema.parse({
      ...status,
      pricing: { pricing_model: 'PMP', type: 'regular', category: 'marketing' },
      conversation: { id: 'c1', origin: { type: 'marketing' } },
    });
    expect(parsed.pricing).toEqual({ pricing_model: 'PMP', type: 'regular', category: 'marketing' });
  });

  it('is dropped when malformed, and the status is still read', () => {
    const parsed = whatsAppStatusSchema.safeParse({ ...status, pricing: { type: 42, category: ['x'] }, conversation: 'odd' });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.pricing).toBeUndefined();
    expect(parsed.data?.status).toBe('delivered');
  });
});
