import { describe, expect, it } from 'vitest';
import { labelViews } from './labels';

describe('labelViews', () => {
  it("reads a conversation's labels from the view's JSON column", () => {
    expect(labelViews([{ id: 'a', name: 'Fees', colour: '#fde68a' }])).toEqual([{ id: 'a', name: 'Fees', colour: '#fde68a' }]);
  });

  it('gives none for a row read without the column, and leaves malformed items out', () => {
    expect(labelViews(undefined)).toEqual([]);
    expect(labelViews('[]')).toEqual([]);
    expect(labelViews([null, { id: 'a', name: 'Fees' }, { id: 'b', name: 'Exams', colour: '#bbf7d0', extra: 1 }])).toEqual([
      { id: 'b', name: 'Exams', colour: '#bbf7d0' },
    ]);
  });
});
