import { describe, expect, it } from 'vitest';
import { classifySendError, classOfHttpStatus, META_ERROR_CLASSES, type SendErrorClass } from './send-error';

// The table of ../shared/WHATSAPP.md, written out again on purpose: a change to the code's table must
// be a deliberate change here too.
const EXPECTED: [code: number, errorClass: SendErrorClass, retryable: boolean][] = [
  [131000, 'temporary', true],
  [1, 'temporary', true],
  [2, 'temporary', true],
  [131057, 'temporary', true],
  [130429, 'throughput', true],
  [4, 'throughput', true],
  [80007, 'throughput', true],
  [131056, 'pair_rate_limit', true],
  [131026, 'permanent', false],
  [131047, 'permanent', false],
  [100, 'permanent', false],
  [131008, 'permanent', false],
  [131009, 'permanent', false],
  [368, 'permanent', false],
  [131031, 'permanent', false],
  [131048, 'permanent', false],
  [131049, 'permanent', false],
  [131050, 'permanent', false],
  [130472, 'permanent', false],
  [190, 'token_invalid', false],
];

describe('classifySendError', () => {
  it.each(EXPECTED)('classifies Meta code %i as %s (retryable: %s)', (code, errorClass, retryable) => {
    // HTTP 400 on purpose: Meta's code decides, whatever the status (throttling codes come with 400).
    const error = classifySendError({ kind: 'http', status: 400, code, title: `error ${code}` });
    expect(error).toEqual({ code, title: `error ${code}`, class: errorClass, retryable });
  });

  it('covers every code of the table and nothing more', () => {
    expect(
      Object.keys(META_ERROR_CLASSES)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(EXPECTED.map(([c]) => c).sort((a, b) => a - b));
  });

  it.each([
    [500, 'temporary', true],
    [502, 'temporary', true],
    [503, 'temporary', true],
    [429, 'throughput', true],
    [401, 'token_invalid', false],
    [400, 'permanent', false],
    [403, 'permanent', false],
    [404, 'permanent', false],
  ] as const)('falls back to HTTP %i as %s when the code is unknown or missing', (status, errorClass, retryable) => {
    expect(classifySendError({ kind: 'http', status, code: 999_999, title: 'x' })).toMatchObject({
      class: errorClass,
      retryable,
      code: 999_999,
    });
    expect(classifySendError({ kind: 'http', status, title: 'x' })).toMatchObject({ class: errorClass, retryable, code: status });
  });

  it('reports token_invalid for code 190 on HTTP 401', () => {
    expect(classifySendError({ kind: 'http', status: 401, code: 190, title: 'Invalid OAuth access token' })).toMatchObject({
      code: 190,
      class: 'token_invalid',
      retryable: false,
    });
  });

  it('never retries a 2xx answer that carried no message id: Meta may have sent it', () => {
    expect(classOfHttpStatus(200)).toBe('permanent');
    expect(classifySendError({ kind: 'http', status: 200, title: 'success answer without a message id' }).retryable).toBe(false);
  });

  it.each(['timeout', 'network'] as const)('treats a %s as temporary with code 0', (kind) => {
    expect(classifySendError({ kind, title: 'no answer' })).toEqual({ code: 0, title: 'no answer', class: 'temporary', retryable: true });
  });

  it('cuts a title to the 1024 characters the result event allows', () => {
    expect(classifySendError({ kind: 'http', status: 500, title: 'x'.repeat(5_000) }).title).toHaveLength(1024);
  });
});
