import { describe, expect, it } from 'vitest';
import { upgradeLegacyEngineRequest } from '../admin/engine-rpc';
import { echoRecipient, whatsAppMessageEchoSchema } from './message-echoes.schema';
import { isBsuid, studentIdSchema, studentKey } from './student-id';
import { contactOf, messageSender, statusRecipient, whatsAppMessageSchema, whatsAppStatusSchema } from './webhook.schema';

describe('student ids', () => {
  it('takes phone digits and business-scoped user ids, and nothing else', () => {
    for (const id of ['447700900123', 'US.13491208655302741918', 'NG.ENT.abc123']) expect(studentIdSchema.safeParse(id).success).toBe(true);
    for (const id of ['+447700900123', 'us.123', 'US.', 'US.12 3', `US.${'a'.repeat(129)}`, '12345', ''])
      expect(studentIdSchema.safeParse(id).success).toBe(false);
    expect(isBsuid('US.1')).toBe(true);
    expect(isBsuid('4477009001')).toBe(false);
  });

  it('keys a student by their user id when the payload has one, else by their phone', () => {
    expect(studentKey({ userId: 'US.1', phone: '447700900123' })).toBe('US.1');
    expect(studentKey({ userId: null, phone: '447700900123' })).toBe('447700900123');
    expect(() => studentKey({ userId: null, phone: null })).toThrow();
  });

  it('reads a message from a user who withholds their phone, and refuses one that names nobody', () => {
    const base = { id: 'wamid.1', timestamp: '1', type: 'text', text: { body: 'hi' } };
    const bsuidOnly = whatsAppMessageSchema.parse({ ...base, from_user_id: 'US.13491208655302741918' });
    expect(messageSender(bsuidOnly)).toEqual({ userId: 'US.13491208655302741918', phone: null });
    expect(messageSender(whatsAppMessageSchema.parse({ ...base, from: '447700900123' }))).toEqual({ userId: null, phone: '447700900123' });
    expect(whatsAppMessageSchema.safeParse(base).success).toBe(false);
    expect(whatsAppMessageSchema.safeParse({ ...base, from_user_id: 'not a bsuid' }).success).toBe(false);
  });

  it('places a status by recipient_user_id or recipient_id', () => {
    const base = { id: 'wamid.1', status: 'sent', timestamp: '1' };
    expect(statusRecipient(whatsAppStatusSchema.parse({ ...base, recipient_user_id: 'US.9' }))).toEqual({ userId: 'US.9', phone: null });
    expect(statusRecipient(whatsAppStatusSchema.parse({ ...base, recipient_id: '447700900123' }))).toEqual({
      userId: null,
      phone: '447700900123',
    });
    expect(whatsAppStatusSchema.safeParse(base).success).toBe(false);
  });

  it('finds the contact of a sender by user id first, then by phone', () => {
    const contacts = [
      { wa_id: '447700900123', profile: { name: 'Ada' } },
      { user_id: 'US.9', profile: { name: 'Bo', username: 'bo.k' } },
    ];
    expect(contactOf(contacts, { userId: 'US.9', phone: null })?.profile?.username).toBe('bo.k');
    expect(contactOf(contacts, { userId: 'US.1', phone: '447700900123' })?.profile?.name).toBe('Ada');
    expect(contactOf(contacts, { userId: null, phone: '1' })).toBeUndefined();
  });

  it('reads an echo to a user id and drops the + of a typed number', () => {
    const base = { from: '15550001', id: 'wamid.e', timestamp: '1', type: 'text' };
    expect(echoRecipient(whatsAppMessageEchoSchema.parse({ ...base, to: '+447700900123' }))).toEqual({
      userId: null,
      phone: '447700900123',
    });
    expect(echoRecipient(whatsAppMessageEchoSchema.parse({ ...base, to_user_id: 'US.5' }))).toEqual({ userId: 'US.5', phone: null });
    expect(whatsAppMessageEchoSchema.safeParse(base).success).toBe(false);
  });

  it('reads an older admin-api request that named the student phone_number', () => {
    expect(upgradeLegacyEngineRequest({ actor: 1, phone_number: '447700900123' })).toEqual({ actor: 1, student: '447700900123' });
    expect(upgradeLegacyEngineRequest({ student: 'US.1', phone_number: 'x' })).toEqual({ student: 'US.1', phone_number: 'x' });
    expect(upgradeLegacyEngineRequest('text')).toBe('text');
  });
});
