import { describe, expect, it } from 'vitest';
import { AppError } from '../../../domain/errors';
import { toErrorResponse } from './error.middleware';

describe('toErrorResponse', () => {
  it('answers an AppError with its code, message and status', () => {
    expect(toErrorResponse(new AppError('forbidden', 'your role may not do this'))).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: 'your role may not do this' } },
    });
    expect(toErrorResponse(new AppError('invalid_credentials', 'no')).status).toBe(401);
  });

  it('answers 400 for unparsable JSON and 413 for an oversized body', () => {
    const parseFailed = Object.assign(new SyntaxError('Unexpected token } in JSON at position 7'), {
      status: 400,
      type: 'entity.parse.failed',
    });
    expect(toErrorResponse(parseFailed)).toEqual({
      status: 400,
      body: { error: { code: 'invalid_request', message: 'the request body is not valid JSON' } },
    });
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' });
    expect(toErrorResponse(tooLarge).body.error.code).toBe('payload_too_large');
  });

  it('hides everything about an unexpected error', () => {
    const sqlError = Object.assign(new Error('relation "admin_users" does not exist'), { code: '42P01' });
    const { status, body } = toErrorResponse(sqlError);
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: 'internal', message: 'internal error' } });
  });
});
