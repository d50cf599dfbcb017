import { describe, expect, it } from 'vitest';
import { subjectHash, subjectHashes } from './subject-hash';

describe('subjectHash', () => {
  it('is the namespaced SHA-256 of the id, hex, and never contains the id', () => {
    const hash = subjectHash('2348012345678');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('2348012345678');
    expect(subjectHash('2348012345678')).toBe(hash);
    expect(subjectHash('2348012345679')).not.toBe(hash);
  });

  it('hashes each id the student had, phone first, skipping the unknown one', () => {
    expect(subjectHashes({ phoneNumber: '2348012345678', userId: 'NG.123' })).toEqual([
      subjectHash('2348012345678'),
      subjectHash('NG.123'),
    ]);
    expect(subjectHashes({ phoneNumber: null, userId: 'NG.123' })).toEqual([subjectHash('NG.123')]);
  });
});
