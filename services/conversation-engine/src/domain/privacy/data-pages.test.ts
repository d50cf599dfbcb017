import { describe, expect, it } from 'vitest';
import { countWithinBytes, decodeHistoryCursor, encodeHistoryCursor } from './data-pages';

describe('countWithinBytes', () => {
  it('keeps items while their JSON fits the budget', () => {
    const items = ['a'.repeat(100), 'b'.repeat(100), 'c'.repeat(100)];
    expect(countWithinBytes(items, 1_000)).toBe(3);
    expect(countWithinBytes(items, 250)).toBe(2);
  });

  it('counts bytes, not characters, and always keeps the first item', () => {
    expect(countWithinBytes(['é'.repeat(100), 'x'], 150)).toBe(1);
    expect(countWithinBytes(['z'.repeat(10_000)], 10)).toBe(1);
    expect(countWithinBytes([], 10)).toBe(0);
  });
});

describe('history cursors', () => {
  it('give back the sequence number they were made from, and refuse anything else', () => {
    expect(decodeHistoryCursor(encodeHistoryCursor(42))).toBe(42);
    expect(decodeHistoryCursor('bm90IGEgY3Vyc29y')).toBeUndefined();
    expect(decodeHistoryCursor(Buffer.from('m|42').toString('base64url'))).toBeUndefined();
  });
});
