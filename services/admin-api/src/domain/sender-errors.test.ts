import { describe, expect, it } from 'vitest';
import { senderFailure } from './sender-errors';

describe('senderFailure', () => {
  it.each(['invalid_request', 'not_found', 'retry_pending', 'not_failed'] as const)('keeps %s and its message', (code) => {
    const error = senderFailure({ code, message: `sender says ${code}` });
    expect([error.code, error.message]).toEqual([code, `sender says ${code}`]);
  });

  it('answers an internal failure as sender_failed without its text', () => {
    const error = senderFailure({ code: 'internal', message: 'ReplyError: OOM command not allowed' });
    expect([error.code, error.message]).toEqual(['sender_failed', 'whatsapp-sender failed']);
  });
});
