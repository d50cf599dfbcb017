import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classifyMediaFailure, finalMediaReason, mediaStorageKey, normalizeSha256 } from './media-failure';

const http = (status: number, code?: number, subcode?: number) => ({
  kind: 'http' as const,
  status,
  title: 'x',
  ...(code === undefined ? {} : { code }),
  ...(subcode === undefined ? {} : { subcode }),
});

describe('classifyMediaFailure', () => {
  it('reads a 404 on the metadata as an expired media id', () => {
    expect(classifyMediaFailure(http(404, 100, 33), 'metadata')).toBe('expired');
    expect(classifyMediaFailure(http(400, 100, 33), 'metadata')).toBe('expired');
  });

  it('retries a 404 on the download URL: the URL expired, not the media', () => {
    expect(classifyMediaFailure(http(404), 'download')).toBe('temporary');
  });

  it('pauses for an invalid token', () => {
    expect(classifyMediaFailure(http(401, 190), 'metadata')).toBe('token_invalid');
    expect(classifyMediaFailure(http(401), 'download')).toBe('token_invalid');
  });

  it.each([
    [http(500), 'temporary'],
    [http(503, 131000), 'temporary'],
    [http(400, 130429), 'temporary'],
    [http(429), 'temporary'],
    [{ kind: 'timeout' as const, title: 'x' }, 'temporary'],
    [{ kind: 'network' as const, title: 'x' }, 'temporary'],
    [http(400, 100), 'rejected'],
    [http(403, 10), 'rejected'],
  ])('classifies %j as %s', (failure, kind) => {
    expect(classifyMediaFailure(failure, 'metadata')).toBe(kind);
  });

  it('reports spent temporary failures as unavailable', () => {
    expect(finalMediaReason('temporary')).toBe('unavailable');
    expect(finalMediaReason('expired')).toBe('expired');
  });
});

describe('normalizeSha256', () => {
  const digest = createHash('sha256').update('hello');

  it('accepts hex in either case', () => {
    const hex = digest.copy().digest('hex');
    expect(normalizeSha256(hex.toUpperCase())).toBe(hex);
  });

  it('accepts base64 and base64url', () => {
    const hex = digest.copy().digest('hex');
    expect(normalizeSha256(digest.copy().digest('base64'))).toBe(hex);
    expect(normalizeSha256(digest.copy().digest('base64url'))).toBe(hex);
  });

  it('refuses what is neither', () => {
    expect(normalizeSha256('IMAGE_HASH')).toBeUndefined();
    expect(normalizeSha256(undefined)).toBeUndefined();
  });
});

describe('mediaStorageKey', () => {
  it('stores media under its id', () => {
    expect(mediaStorageKey('1234')).toBe('whatsapp/1234');
  });
});
