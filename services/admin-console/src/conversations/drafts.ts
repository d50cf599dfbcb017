/**
 * What an admin is typing to one student, kept in localStorage per admin and conversation so that neither
 * a reload nor an expired session loses it. Each draft carries the Idempotency-Key its send will use: the
 * key changes whenever the text does, so a double click (or a retry after a lost answer) sends one message,
 * while an edited text is a new message.
 */
export interface Draft {
  text: string;
  key: string;
}

const PREFIX = 'admin-console.draft.';
const keyOf = (userId: string, student: string) => `${PREFIX}${userId}.${student}`;

/** 128 random bits; getRandomValues works where randomUUID does not (a console served over plain http). */
export function newIdempotencyKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  return `draft-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function loadDraft(storage: Storage, userId: string, student: string): Draft {
  const raw = storage.getItem(keyOf(userId, student));
  if (raw !== null) {
    try {
      const value: unknown = JSON.parse(raw);
      if (typeof value === 'object' && value !== null && 'text' in value && 'key' in value) {
        const { text, key } = value;
        if (typeof text === 'string' && typeof key === 'string') return { text, key };
      }
    } catch {
      // A damaged entry is dropped below: the admin starts an empty draft.
    }
    storage.removeItem(keyOf(userId, student));
  }
  return { text: '', key: newIdempotencyKey() };
}

/** The draft after the admin typed `text`; stored, or removed when empty. */
export function updateDraft(storage: Storage, userId: string, student: string, previous: Draft, text: string): Draft {
  if (text === previous.text) return previous;
  const draft = { text, key: newIdempotencyKey() };
  if (text === '') storage.removeItem(keyOf(userId, student));
  else storage.setItem(keyOf(userId, student), JSON.stringify(draft));
  return draft;
}

export function clearDraft(storage: Storage, userId: string, student: string): Draft {
  storage.removeItem(keyOf(userId, student));
  return { text: '', key: newIdempotencyKey() };
}

/** Every draft of one admin (on signing out). */
export function clearDrafts(storage: Storage, userId: string): void {
  const mine = `${PREFIX}${userId}.`;
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k?.startsWith(mine) ?? false);
  for (const key of keys) storage.removeItem(key);
}
