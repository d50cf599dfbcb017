import type { Message, MessageStatus } from '../api/types';

// A thread's messages as pure functions. Pages, live events and the send answer can bring the same message
// more than once, in any order: merging keeps one copy per id, oldest first, with its most advanced status
// (and, while it is queued, the retry note of its latest attempt).

const RANK: Partial<Record<MessageStatus, number>> = { queued: 0, sent: 1, delivered: 2, read: 3 };

/**
 * The status to show when two views of one message disagree. Statuses only move forward (queued < sent <
 * delivered < read); failed is final but cannot undo a proven delivery, as in the engine.
 */
export function laterStatus(a: MessageStatus, b: MessageStatus): MessageStatus {
  if (a === b || a === 'received' || b === 'received') return a;
  if (a === 'failed') return RANK[b]! >= RANK.delivered! ? b : a;
  if (b === 'failed') return RANK[a]! >= RANK.delivered! ? a : b;
  return RANK[b]! > RANK[a]! ? b : a;
}

const attemptOf = (message: Message) => message.retrying?.attempt ?? 0;

function newer(current: Message, incoming: Message): Message {
  const status = laterStatus(current.status, incoming.status);
  // Still queued on both sides: the retry note of the later attempt wins (notes only move forward too).
  if (status === 'queued' && incoming.status === 'queued') return attemptOf(incoming) > attemptOf(current) ? incoming : current;
  if (status === current.status) return current;
  return status === incoming.status ? incoming : { ...current, status };
}

const byTime = (a: Message, b: Message) => Date.parse(a.created_at) - Date.parse(b.created_at);

/** `incoming` merged into `current`; the result is oldest first (a stable sort keeps a page's own order). */
export function mergeMessages(current: Message[], incoming: Message[]): Message[] {
  if (incoming.length === 0) return current;
  const index = new Map(current.map((m, i) => [m.id, i]));
  const next = [...current];
  const added: Message[] = [];
  for (const message of incoming) {
    const at = index.get(message.id);
    if (at === undefined) {
      index.set(message.id, -1);
      added.push(message);
    } else if (at >= 0) next[at] = newer(next[at]!, message);
  }
  return added.length === 0 ? next : [...next, ...added].sort(byTime);
}
