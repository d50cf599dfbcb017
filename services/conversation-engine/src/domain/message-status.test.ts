import { describe, expect, it } from 'vitest';
import { nextStatus } from './message-status';

describe('nextStatus', () => {
  it('moves forward only', () => {
    expect(nextStatus('queued', 'sent')).toBe('sent');
    expect(nextStatus('sent', 'read')).toBe('read');
    expect(nextStatus('read', 'delivered')).toBeUndefined();
    expect(nextStatus('delivered', 'delivered')).toBeUndefined();
    expect(nextStatus('delivered', 'sent')).toBeUndefined();
  });
  it('keeps failed terminal and never fails a delivered message', () => {
    expect(nextStatus('sent', 'failed')).toBe('failed');
    expect(nextStatus('queued', 'failed')).toBe('failed');
    expect(nextStatus('failed', 'read')).toBeUndefined();
    expect(nextStatus('read', 'failed')).toBeUndefined();
  });
  it('ignores statuses it does not know and inbound messages', () => {
    expect(nextStatus('sent', 'deleted')).toBeUndefined();
    expect(nextStatus('received', 'read')).toBeUndefined();
  });
});
