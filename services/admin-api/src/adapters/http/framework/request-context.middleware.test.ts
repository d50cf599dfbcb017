import { describe, expect, it } from 'vitest';
import { acceptRequestId } from './request-context.middleware';

const generate = () => 'generated';

describe('acceptRequestId', () => {
  it('keeps an ingress or caller request id', () => {
    expect(acceptRequestId('3f1c9a2e-req', generate)).toBe('3f1c9a2e-req');
  });

  it('replaces a missing, oversized or odd-looking one instead of echoing it into logs and headers', () => {
    expect(acceptRequestId(undefined, generate)).toBe('generated');
    expect(acceptRequestId('x'.repeat(129), generate)).toBe('generated');
    expect(acceptRequestId('id\nforged log line', generate)).toBe('generated');
    expect(acceptRequestId('<script>', generate)).toBe('generated');
  });
});
