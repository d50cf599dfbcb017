import { describe, expect, it } from 'vitest';
import { contactOf, messagesChangeValueSchema, messageSender, statusRecipient, webhookPayloadSchema } from '@app/contracts';
import { buildStatus, buildWebhook, messageSenderFields, pricingOf } from './webhooks';

const business = { phoneNumberId: '100000000000001', displayPhoneNumber: '15550783881', wabaId: '1' };
const userId = 'NG.13491208655302741918';
const phone = '447700900123';
const valueOf = (payload: ReturnType<typeof buildWebhook>) =>
  messagesChangeValueSchema.parse(webhookPayloadSchema.parse(payload).entry[0]?.changes[0]?.value);

describe('buildWebhook', () => {
  it('describes a username-only student as 2026 payloads do: user_id and username, no wa_id, no from', () => {
    const message = { ...messageSenderFields({ userId }), id: 'wamid.1', timestamp: '1', type: 'text', text: { body: 'hi' } };
    const value = valueOf(buildWebhook(business, { contacts: [{ user_id: userId, name: 'Ada', username: 'ada.l' }], messages: [message] }));
    expect(value.contacts).toEqual([{ profile: { name: 'Ada', username: 'ada.l' }, user_id: userId }]);
    const sender = messageSender(value.messages![0]!);
    expect(sender).toEqual({ userId, phone: null });
    expect(contactOf(value.contacts!, sender)?.profile?.username).toBe('ada.l');
  });

  it('describes a student with a phone by both ids', () => {
    const message = { ...messageSenderFields({ phone, userId }), id: 'wamid.1', timestamp: '1', type: 'text', text: { body: 'hi' } };
    const value = valueOf(buildWebhook(business, { contacts: [{ wa_id: phone, user_id: userId, name: 'Bo' }], messages: [message] }));
    expect(value.contacts).toEqual([{ profile: { name: 'Bo' }, wa_id: phone, user_id: userId }]);
    expect(messageSender(value.messages![0]!)).toEqual({ userId, phone });
  });
});

describe('buildStatus', () => {
  it.each(['sent', 'delivered', 'read'] as const)(
    'gives a %s status per-message pricing and names a BSUID recipient by recipient_user_id only',
    (status) => {
      const built = buildStatus({ wamid: 'wamid.2', status, recipientUserId: userId });
      const value = valueOf(buildWebhook(business, { statuses: [built] }));
      const parsed = value.statuses![0]!;
      expect(parsed).not.toHaveProperty('recipient_id');
      expect(statusRecipient(parsed)).toEqual({ userId, phone: null });
      expect(parsed.pricing).toEqual({ billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' });
    },
  );

  it('names a recipient reached by phone by recipient_id, with their BSUID beside it', () => {
    const built = buildStatus({
      wamid: 'wamid.3',
      status: 'delivered',
      recipientId: phone,
      recipientUserId: userId,
      pricing: pricingOf({ type: 'template' }),
    });
    expect(built).toMatchObject({
      recipient_id: phone,
      recipient_user_id: userId,
      pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
    });
  });

  it('refuses to build a status that names no recipient', () => {
    expect(() => buildStatus({ wamid: 'wamid.4', status: 'sent' })).toThrow(/recipient/);
  });
});
