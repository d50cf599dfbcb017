import { describe, expect, it } from 'vitest';
import { cannedQueryOf, matchCannedReplies } from './canned-query';

const reply = (shortcut: string, title: string) => ({
  id: shortcut,
  shortcut,
  title,
  body: '',
  text: '',
  updated_at: '2026-12-07T12:00:00.000Z',
});

describe('cannedQueryOf', () => {
  it('opens on a box holding only / and a word', () => {
    expect(cannedQueryOf('/')).toBe('');
    expect(cannedQueryOf('/Fee')).toBe('fee');
  });

  it('stays shut for a message being written', () => {
    expect(cannedQueryOf('')).toBeNull();
    expect(cannedQueryOf('hi /fees')).toBeNull();
    expect(cannedQueryOf('/fees and more')).toBeNull();
    expect(cannedQueryOf('/fees\n')).toBeNull();
    expect(cannedQueryOf('//')).toBeNull();
  });
});

describe('matchCannedReplies', () => {
  it('finds by shortcut or title, any case, shortcuts starting with the query first', () => {
    const replies = [reply('late-fees', 'Late payment'), reply('fees', 'School fees'), reply('hours', 'Office hours')];
    expect(matchCannedReplies(replies, 'FEES').map((r) => r.shortcut)).toEqual(['fees', 'late-fees']);
    expect(matchCannedReplies(replies, 'office').map((r) => r.shortcut)).toEqual(['hours']);
    expect(matchCannedReplies(replies, '').map((r) => r.shortcut)).toEqual(['late-fees', 'fees', 'hours']);
  });
});
