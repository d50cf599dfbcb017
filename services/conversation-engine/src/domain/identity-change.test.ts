import { describe, expect, it } from 'vitest';
import { identityChange, systemMessageText } from './identity-change';

describe('reading an identity change from a system message', () => {
  it('reads the new business-scoped user id of user_changed_user_id', () => {
    expect(identityChange({ type: 'system', system: { type: 'user_changed_user_id', user_id: 'NG.999' } })).toEqual({
      kind: 'user_id',
      userId: 'NG.999',
    });
  });

  it('reads the new phone of user_changed_number and customer_changed_number, from wa_id or the older new_wa_id', () => {
    expect(identityChange({ type: 'system', system: { type: 'user_changed_number', wa_id: '447700900002' } })).toEqual({
      kind: 'phone',
      phone: '447700900002',
    });
    expect(identityChange({ type: 'system', system: { type: 'customer_changed_number', new_wa_id: 447700900003 } })).toEqual({
      kind: 'phone',
      phone: '447700900003',
    });
    expect(identityChange({ type: 'system', system: { type: 'customer_changed_number', new_wa_id: '+447700900004' } })).toEqual({
      kind: 'phone',
      phone: '447700900004',
    });
  });

  it('changes nothing for other system types, ids that are not ids, or messages that are not system ones', () => {
    expect(identityChange({ type: 'system', system: { type: 'customer_identity_changed', body: 'x' } })).toBeUndefined();
    expect(identityChange({ type: 'system', system: { type: 'user_changed_user_id', user_id: 'not a bsuid' } })).toBeUndefined();
    expect(identityChange({ type: 'system', system: { type: 'user_changed_number' } })).toBeUndefined();
    expect(identityChange({ type: 'text', system: { type: 'user_changed_user_id', user_id: 'NG.1' } })).toBeUndefined();
  });

  it("keeps Meta's sentence as the history's text, else the type", () => {
    expect(systemMessageText({ system: { type: 'user_changed_number', body: 'User A changed from 1 to 2' } })).toBe(
      'User A changed from 1 to 2',
    );
    expect(systemMessageText({ system: { type: 'user_changed_user_id' } })).toBe('[user_changed_user_id]');
  });
});
