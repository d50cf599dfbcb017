import { describe, expect, it } from 'vitest';
import { partitionOf } from '@app/contracts';
import { splitWebhook } from './split-webhook';

const ctx = { correlationId: 'c-1', now: new Date('2026-01-01T00:00:00Z') };
const message = (from: string, id: string) => ({ from, id, timestamp: '1700000000', type: 'text', text: { body: 'hi' } });
const change = (value: Record<string, unknown>) => ({
  field: 'messages',
  value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1' }, ...value },
});

describe('splitWebhook', () => {
  it('makes one event per message and per status across every entry and change', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { id: 'a', changes: [change({ messages: [message('447100000001', 'w1'), message('447100000002', 'w2')] })] },
        { id: 'b', changes: [change({ statuses: [{ id: 'w9', status: 'read', timestamp: '1', recipient_id: '447100000001' }] }), change({ messages: [message('447100000003', 'w3')] })] },
      ],
    };
    const result = splitWebhook(body, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.events.map((e) => e.event.id)).toEqual(['w1', 'w2', 'w9:read', 'w3']);
    expect(result.events[2]).toMatchObject({ kind: 'status', partition: partitionOf('447100000001') });
    expect(result.events[0]?.event.correlationId).toBe('c-1');
  });

  it('ignores fields other than messages', () => {
    const result = splitWebhook({ object: 'whatsapp_business_account', entry: [{ id: 'a', changes: [{ field: 'account_update', value: {} }] }] }, ctx);
    expect(result).toEqual({ ok: true, events: [], ignoredFields: ['account_update'] });
  });

  it('refuses the whole payload when one message is malformed', () => {
    const body = { object: 'whatsapp_business_account', entry: [{ id: 'a', changes: [change({ messages: [message('447100000001', 'w1'), { from: '447100000002' }] })] }] };
    expect(splitWebhook(body, ctx).ok).toBe(false);
  });

  it('refuses payloads that are not WhatsApp webhooks', () => {
    expect(splitWebhook({ object: 'page', entry: [] }, ctx).ok).toBe(false);
    expect(splitWebhook([], ctx).ok).toBe(false);
  });
});
