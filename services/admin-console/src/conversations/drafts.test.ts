// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, clearDrafts, loadDraft, newIdempotencyKey, updateDraft } from './drafts';

describe('drafts', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a typed draft per admin and conversation across loads', () => {
    const first = loadDraft(localStorage, 'u1', '111111');
    updateDraft(localStorage, 'u1', '111111', first, 'Hello Ada');
    expect(loadDraft(localStorage, 'u1', '111111').text).toBe('Hello Ada');
    expect(loadDraft(localStorage, 'u1', '222222').text).toBe('');
    expect(loadDraft(localStorage, 'u2', '111111').text).toBe('');
  });

  it('keeps the idempotency key while the text is unchanged and draws a new one when it changes', () => {
    const typed = updateDraft(localStorage, 'u1', '111111', loadDraft(localStorage, 'u1', '111111'), 'Hello');
    expect(updateDraft(localStorage, 'u1', '111111', typed, 'Hello')).toBe(typed);
    expect(loadDraft(localStorage, 'u1', '111111').key).toBe(typed.key);
    expect(updateDraft(localStorage, 'u1', '111111', typed, 'Hello!').key).not.toBe(typed.key);
  });

  it('forgets a sent draft, and all drafts of an admin who signs out', () => {
    const draft = updateDraft(localStorage, 'u1', '111111', loadDraft(localStorage, 'u1', '111111'), 'a');
    updateDraft(localStorage, 'u1', '222222', draft, 'b');
    updateDraft(localStorage, 'u2', '111111', draft, 'c');
    clearDraft(localStorage, 'u1', '111111');
    expect(loadDraft(localStorage, 'u1', '111111').text).toBe('');
    clearDrafts(localStorage, 'u1');
    expect(loadDraft(localStorage, 'u1', '222222').text).toBe('');
    expect(loadDraft(localStorage, 'u2', '111111').text).toBe('c');
  });

  it('drops a damaged entry instead of failing', () => {
    localStorage.setItem('admin-console.draft.u1.111111', '{not json');
    expect(loadDraft(localStorage, 'u1', '111111').text).toBe('');
  });

  it('makes keys admin-api accepts (printable ASCII, no spaces) and different each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[\x21-\x7e]{1,255}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
