import type { RenderedCannedReply } from '../api/agent-tools-types';

/**
 * What the composer's box asks the canned-reply picker for: a box holding only `/` and a word (no space, no
 * new line) searches for that word; anything else is a message being written, and the picker stays shut.
 */
export function cannedQueryOf(text: string): string | null {
  const match = /^\/([^\s/]*)$/.exec(text);
  return match ? (match[1] ?? '').toLowerCase() : null;
}

/** Replies whose shortcut or title holds the query, shortcuts starting with it first. */
export function matchCannedReplies(replies: readonly RenderedCannedReply[], query: string): RenderedCannedReply[] {
  const q = query.toLowerCase();
  const hits = replies.filter((r) => r.shortcut.includes(q) || r.title.toLowerCase().includes(q));
  return [...hits.filter((r) => r.shortcut.startsWith(q)), ...hits.filter((r) => !r.shortcut.startsWith(q))];
}
