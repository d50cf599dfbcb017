import { describe, expect, it } from 'vitest';
import { inboundMessageReceivedV1, partitionOf } from '@app/contracts';
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
        {
          id: 'b',
          changes: [
            change({ statuses: [{ id: 'w9', status: 'read', timestamp: '1', recipient_id: '447100000001' }] }),
            change({ messages: [message('447100000003', 'w3')] }),
          ],
        },
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
    const result = splitWebhook(
      { object: 'whatsapp_business_account', entry: [{ id: 'a', changes: [{ field: 'account_update', value: {} }] }] },
      ctx,
    );
    expect(result).toEqual({ ok: true, events: [], ignoredFields: ['account_update'] });
  });

  const echoChange = (echoes: unknown[]) => ({
    field: 'smb_message_echoes',
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: '1' },
      message_echoes: echoes,
    },
  });
  const echo = (to: string, id: string) => ({
    from: '15550783881',
    to,
    id,
    timestamp: '1739321024',
    type: 'text',
    text: { body: 'See you at 9' },
  });

  it("makes one echo event per smb_message_echoes entry, on the student's partition, with the wamid as its id", () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'a',
          changes: [
            change({ messages: [message('447100000001', 'w1')] }),
            echoChange([echo('447100000001', 'e1'), echo('+16505551234', 'e2')]),
          ],
        },
      ],
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
      event: {
        type: 'whatsapp.inbound.echo.received',
        version: 1,
        correlationId: 'c-1',
        data: { phoneNumberId: '1', echo: { to: '447100000001', text: { body: 'See you at 9' } } },
      },
    });
    expect(result.ignoredFields).toEqual([]);
  });

  it('keeps an echo of a type it does not read (its object kept as sent)', () => {
    const revoke = {
      from: '15550783881',
      to: '447100000001',
      id: 'e3',
      timestamp: '1',
      type: 'revoke',
      revoke: { original_message_id: 'e1' },
    };
    const result = splitWebhook({ object: 'whatsapp_business_account', entry: [{ id: 'a', changes: [echoChange([revoke])] }] }, ctx);
    expect(result.ok && result.events[0]?.event.data).toEqual({ phoneNumberId: '1', echo: revoke });
  });

  it('refuses the whole payload when an echo has no recipient number', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { id: 'a', changes: [change({ messages: [message('447100000001', 'w1')] }), echoChange([{ ...echo('x', 'e1'), to: 'someone' }])] },
      ],
    };
    expect(splitWebhook(body, ctx)).toMatchObject({ ok: false, reason: expect.stringContaining('smb_message_echoes') });
  });

  it('acknowledges history, smb_app_state_sync and unknown fields without an event', () => {
    const changes = ['history', 'smb_app_state_sync', 'something_new'].map((field) => ({
      field,
      value: { messaging_product: 'whatsapp', history: [{ threads: [] }] },
    }));
    expect(splitWebhook({ object: 'whatsapp_business_account', entry: [{ id: 'a', changes }] }, ctx)).toEqual({
      ok: true,
      events: [],
      ignoredFields: ['history', 'smb_app_state_sync', 'something_new'],
    });
  });

  it('refuses the whole payload when one message is malformed', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: 'a', changes: [change({ messages: [message('447100000001', 'w1'), { from: '447100000002' }] })] }],
    };
    expect(splitWebhook(body, ctx).ok).toBe(false);
  });

  describe('students named by a business-scoped user id (2026)', () => {
    const bsuid = 'NG.13491208655302741918';
    const phone = '447100000001';
    const textFrom = (sender: { from?: string; from_user_id?: string }, id: string) => ({
      ...sender,
      id,
      timestamp: '1700000000',
      type: 'text',
      text: { body: 'hi' },
    });
    const split = (changes: unknown[]) => {
      const result = splitWebhook({ object: 'whatsapp_business_account', entry: [{ id: 'a', changes }] }, ctx);
      if (!result.ok) throw new Error(result.reason);
      return result.events;
    };

    it("puts a username-only student's message on their BSUID's partition, with their name and username", () => {
      const contacts = [{ user_id: bsuid, profile: { name: 'Ada', username: 'ada.l' } }];
      const [event] = split([change({ contacts, messages: [textFrom({ from_user_id: bsuid }, 'w1')] })]);
      expect(event).toMatchObject({
        kind: 'message',
        partition: partitionOf(bsuid),
        event: { id: 'w1', data: { profileName: 'Ada', username: 'ada.l', message: { from_user_id: bsuid } } },
      });
      expect(event?.event.data).not.toHaveProperty('message.from');
    });

    it('cuts a name or username longer than the event carries, never leaving half an emoji', () => {
      const long = `${'a'.repeat(255)}😀 and more`;
      const contacts = [{ user_id: bsuid, profile: { name: long, username: 'b'.repeat(300) } }];
      const [event] = split([change({ contacts, messages: [textFrom({ from_user_id: bsuid }, 'w1')] })]);
      const data = event?.kind === 'message' ? event.event.data : undefined;
      expect(data?.profileName).toBe('a'.repeat(255));
      expect(data?.username).toBe('b'.repeat(256));
      expect(inboundMessageReceivedV1.safeParse(event?.event).success).toBe(true);
    });

    it("puts a message naming both ids on the same partition as the BSUID-only one, not the phone's", () => {
      const contacts = [{ wa_id: phone, user_id: bsuid, profile: { name: 'Ada' } }];
      const events = split([
        change({ contacts, messages: [textFrom({ from: phone, from_user_id: bsuid }, 'w1')] }),
        change({ contacts: [{ user_id: bsuid, profile: { name: 'Ada' } }], messages: [textFrom({ from_user_id: bsuid }, 'w2')] }),
      ]);
      expect(events.map((e) => e.partition)).toEqual([partitionOf(bsuid), partitionOf(bsuid)]);
      // The BSUID and the phone must land apart for this test to say anything.
      expect(partitionOf(bsuid)).not.toBe(partitionOf(phone));
      expect(events[0]?.event.data).toMatchObject({ profileName: 'Ada' });
      expect(events[0]?.event.data).not.toHaveProperty('username');
    });

    it("keeps a phone-only message (no BSUID in the payload) on the phone's partition, its contact found by wa_id", () => {
      const [event] = split([
        change({ contacts: [{ wa_id: phone, profile: { name: 'Bo' } }], messages: [textFrom({ from: phone }, 'w1')] }),
      ]);
      expect(event).toMatchObject({ kind: 'message', partition: partitionOf(phone), event: { data: { profileName: 'Bo' } } });
    });

    it("takes the name from the sender's own contact, matched by BSUID, when a change has several", () => {
      const other = 'NG.99999999999';
      const contacts = [
        { wa_id: phone, user_id: other, profile: { name: 'Someone else' } },
        { user_id: bsuid, profile: { name: 'Ada', username: 'ada.l' } },
      ];
      const events = split([
        change({ contacts, messages: [textFrom({ from: phone, from_user_id: other }, 'w1'), textFrom({ from_user_id: bsuid }, 'w2')] }),
      ]);
      expect(events.map((e) => [e.partition, e.event.data])).toMatchObject([
        [partitionOf(other), { profileName: 'Someone else' }],
        [partitionOf(bsuid), { profileName: 'Ada', username: 'ada.l' }],
      ]);
    });

    it("puts a status that names only recipient_user_id on that BSUID's partition", () => {
      const status = {
        id: 'w9',
        status: 'delivered',
        timestamp: '1',
        recipient_user_id: bsuid,
        pricing: { pricing_model: 'PMP', type: 'regular', category: 'service' },
      };
      const [event] = split([change({ statuses: [status] })]);
      expect(event).toMatchObject({
        kind: 'status',
        partition: partitionOf(bsuid),
        event: { id: 'w9:delivered', data: { status: { recipient_user_id: bsuid } } },
      });
    });

    it("puts a status that names both ids on the BSUID's partition", () => {
      const [event] = split([
        change({ statuses: [{ id: 'w9', status: 'read', timestamp: '1', recipient_id: phone, recipient_user_id: bsuid }] }),
      ]);
      expect(event?.partition).toBe(partitionOf(bsuid));
    });

    it("puts an echo sent to a to_user_id on that BSUID's partition", () => {
      const toUser = { from: '15550783881', to_user_id: bsuid, id: 'e1', timestamp: '1', type: 'text', text: { body: 'See you at 9' } };
      const [event] = split([echoChange([toUser])]);
      expect(event).toMatchObject({
        kind: 'echo',
        partition: partitionOf(bsuid),
        event: { id: 'e1', data: { echo: { to_user_id: bsuid } } },
      });
    });

    it('publishes a system message (no contacts) like a message, on the partition of the id it changes from', () => {
      const system = {
        from_user_id: bsuid,
        id: 'w5',
        timestamp: '1',
        type: 'system',
        system: { type: 'user_changed_user_id', body: 'User changed', user_id: 'NG.55555555555' },
      };
      const [event] = split([change({ messages: [system] })]);
      expect(event).toMatchObject({
        kind: 'message',
        partition: partitionOf(bsuid),
        event: {
          id: 'w5',
          type: 'whatsapp.inbound.message.received',
          data: { message: { type: 'system', system: { user_id: 'NG.55555555555' } } },
        },
      });
      expect(event?.event.data).not.toHaveProperty('profileName');
    });

    it("puts a phone-only system message (an old number change) on the old phone's partition", () => {
      const system = {
        from: phone,
        id: 'w6',
        timestamp: '1',
        type: 'system',
        system: { type: 'customer_changed_number', new_wa_id: '447100000002' },
      };
      const [event] = split([change({ messages: [system] })]);
      expect(event).toMatchObject({ kind: 'message', partition: partitionOf(phone) });
    });

    it('refuses the whole payload when a message names neither from nor from_user_id', () => {
      const body = { object: 'whatsapp_business_account', entry: [{ id: 'a', changes: [change({ messages: [textFrom({}, 'w1')] })] }] };
      expect(splitWebhook(body, ctx)).toMatchObject({ ok: false, reason: expect.stringContaining('from') });
    });

    it('refuses the whole payload when a status names no recipient', () => {
      const body = {
        object: 'whatsapp_business_account',
        entry: [{ id: 'a', changes: [change({ statuses: [{ id: 'w9', status: 'read', timestamp: '1' }] })] }],
      };
      expect(splitWebhook(body, ctx).ok).toBe(false);
    });
  });

  it('refuses payloads that are not WhatsApp webhooks', () => {
    expect(splitWebhook({ object: 'page', entry: [] }, ctx).ok).toBe(false);
    expect(splitWebhook([], ctx).ok).toBe(false);
  });
});
