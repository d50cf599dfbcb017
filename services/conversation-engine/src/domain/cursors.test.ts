import { describe, expect, it } from 'vitest';
import { decodeConversationCursor, decodeMessageCursor, encodeConversationCursor, encodeMessageCursor } from './cursors';

describe('page cursors', () => {
  it('round-trip and stay URL-safe', () => {
    const c = { activity: '2026-11-23T09:00:00.123456Z', id: '5b0f7a52-54d5-4c4d-9d59-4a8b0f1e2c3d' };
    const encoded = encodeConversationCursor(c);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeConversationCursor(encoded)).toEqual(c);
    expect(decodeMessageCursor(encodeMessageCursor(42))).toBe(42);
  });

  it('refuse anything they did not make', () => {
    expect(decodeConversationCursor('garbage')).toBeUndefined();
    expect(decodeConversationCursor(encodeMessageCursor(42))).toBeUndefined();
    expect(
      decodeMessageCursor(
        encodeConversationCursor({ activity: '2026-11-23T09:00:00.123456Z', id: '5b0f7a52-54d5-4c4d-9d59-4a8b0f1e2c3d' }),
      ),
    ).toBeUndefined();
    expect(decodeMessageCursor(Buffer.from("m|1' or 1=1").toString('base64url'))).toBeUndefined();
  });
});
