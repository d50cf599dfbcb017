import { describe, expect, it } from 'vitest';
import { senderFailure } from '../../../domain/sender-errors';
import { ERROR_STATUS } from './error-status';

describe("the HTTP status of whatsapp-sender's failures", () => {
  it.each([
    ['invalid_request', 400],
    ['not_found', 404],
    ['retry_pending', 409],
    ['not_failed', 409],
  ] as const)('answers %s with %i', (code, status) => {
    expect(ERROR_STATUS[senderFailure({ code, message: `sender says ${code}` }).code]).toBe(status);
  });

  it('answers an internal failure as a bad gateway (502)', () => {
    expect(ERROR_STATUS[senderFailure({ code: 'internal', message: 'ReplyError: OOM command not allowed' }).code]).toBe(502);
  });
});
