import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../adapters/http/error-status';
import { senderFailure } from './sender-errors';

describe('senderFailure', () => {
  it.each([
    ['invalid_request', 400],
    ['not_found', 404],
    ['retry_pending', 409],
    ['not_failed', 409],
  ] as const)('keeps %s and its message (HTTP %i)', (code, status) => {
    const error = senderFailure({ code, message: `sender says ${code}` });
    expect([error.code, error.message, ERROR_STATUS[error.code]]).toEqual([code, `sender says ${code}`, status]);
  });

  it('answers an internal failure as a bad gateway without its text', () => {
    const error = senderFailure({ code: 'internal', message: 'ReplyError: OOM command not allowed' });
    expect([error.code, error.message, ERROR_STATUS[error.code]]).toEqual(['sender_failed', 'whatsapp-sender failed', 502]);
  });
});
