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

  const echoChange = (echoes: unknown[]) => ({
    field: 'smb_message_echoes',
    value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: '1' }, message_echoes: echoes },
  });
  const echo = (to: string, id: string) => ({ from: '15550783881', to, id, timestamp: '1739321024', type: 'text', text: { body: 'See you at 9' } });

  it("makes one echo event per smb_message_echoes entry, on the student's partition, with the wamid as its id", () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: 'a', changes: [change({ messages: [message('447100000001', 'w1')] }), echoChange([echo('447100000001', 'e1'), echo('+16505551234', 'e2')])] }],
    };
    const result = splitWebhook(body, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.events.map((e) => [e.kind, e.event.id, e.partition])).toEqual([
      ['message', 'w1', partitionOf('447100000001')],
      ['echo', 'e1', partitionOf('447100000001')],
      // Meta may write the recipient with its '+': the partition is the digits', as the student's own messages.
      ['echo', 'e2', partitionOf('16505551234')],
    ]);
    expect(result.events[1]).toMatchObject({
      event: { type: 'whatsapp.inbound.echo.received', version: 1, correlationId: 'c-1', data: { phoneNumberId: '1', echo: { to: '447100000001', text: { body: 'See you at 9' } } } },
    });
    expect(result.ignoredFields).toEqual([]);
  });

  it('keeps an echo of a type it does not read (its object kept as sent)', () => {
    const revoke = { from: '15550783881', to: '447100000001', id: 'e3', timestamp: '1', type: 'revoke', revoke: { original_message_id: 'e1' } };
    const result = splitWebhook({ object: 'whatsapp_business_account', entry: [{ id: 'a', changes: [echoChange([revoke])] }] }, ctx);
    expect(result.ok && result.events[0]?.event.data).toEqual({ phoneNumberId: '1', echo: revoke });
  });

  it('refuses the whole payload when an echo has no recipient number', () => {
    const body = { object: 'whatsapp_business_account', entry: [{ id: 'a', changes: [change({ messages: [message('447100000001', 'w1')] }), echoChange([{ ...echo('x', 'e1'), to: 'someone' }])] }] };
    expect(splitWebhook(body, ctx)).toMatchObject({ ok: false, reason: expect.stringContaining('smb_message_echoes') });
  });

  it('acknowledges history, smb_app_state_sync and unknown fields without an event', () => {
    const changes = ['history', 'smb_app_state_sync', 'something_new'].map((field) => ({ field, value: { messaging_product: 'whatsapp', history: [{ threads: [] }] } }));
    expect(splitWebhook({ object: 'whatsapp_business_account', entry: [{ id: 'a', changes }] }, ctx)).toEqual({
      ok: true,
      events: [],
      ignoredFields: ['history', 'smb_app_state_sync', 'something_new'],
    });
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
