import { DELIVERY_FAILURE_REASONS } from '@app/contracts';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { META_ERROR_CLASSES } from '../domain/send-error';
import { createSenderMetrics, errorCodeLabel } from './metrics';

describe('errorCodeLabel', () => {
  it('names every code the sender classifies, and 0 (no answer), by itself; anything else is other', () => {
    for (const code of Object.keys(META_ERROR_CLASSES).map(Number)) expect(errorCodeLabel(code)).toBe(String(code));
    expect(errorCodeLabel(0)).toBe('0');
    for (const code of [502, 987654, -1, 1.5]) expect(errorCodeLabel(code)).toBe('other');
    // Inherited keys of a plain object are not codes.
    expect(Object.hasOwn(DELIVERY_FAILURE_REASONS, 'toString')).toBe(false);
  });
});

describe('whatsapp_sender_send_errors_total', () => {
  it('counts attempts that got an error by outcome and bounded code, and accepted ones not at all', async () => {
    const registry = new Registry();
    const metrics = createSenderMetrics(registry, async () => undefined);
    metrics.attemptSettled('accepted');
    metrics.attemptSettled('failed', 'permanent', 131026);
    metrics.attemptSettled('failed', 'permanent', 131026);
    metrics.attemptSettled('paused', 'token_invalid', 190);
    metrics.attemptSettled('failed', 'permanent', 404);
    metrics.attemptSettled('failed', 'invalid_payload');
    const values = (await registry.getSingleMetric('whatsapp_sender_send_errors_total')!.get()).values.map((v) => [
      v.labels['outcome'],
      v.labels['code'],
      v.value,
    ]);
    expect(values).toEqual([
      ['failed', '131026', 2],
      ['paused', '190', 1],
      ['failed', 'other', 1],
    ]);
  });
});
