import type { Conversation, ConversationFilter } from '../api/types';

// The conversation list as pure functions: the hook feeds them pages and live events.

/** Whether a conversation belongs in the list the admin is looking at (as admin-api would filter it). */
export function belongsTo(conversation: Conversation, filter: ConversationFilter, query: string): boolean {
  if (filter !== 'all' && !(conversation.is_chat_support && conversation.support_status === filter)) return false;
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  const digits = needle.replace(/\D/g, '');
  return (conversation.student_name ?? '').toLowerCase().includes(needle) || (digits !== '' && conversation.phone_number.includes(digits));
}

/** Newest activity first; conversations without any message last, by number. */
export function byActivity(a: Conversation, b: Conversation): number {
  const ta = a.last_message_time ? Date.parse(a.last_message_time) : -Infinity;
  const tb = b.last_message_time ? Date.parse(b.last_message_time) : -Infinity;
  if (ta !== tb) return tb - ta;
  return a.phone_number.localeCompare(b.phone_number);
}

/** A page from the API appended; a conversation already shown (moved up by a live event) is not repeated. */
export function appendPage(items: Conversation[], page: Conversation[]): Conversation[] {
  const shown = new Set(items.map((c) => c.phone_number));
  return [...items, ...page.filter((c) => !shown.has(c.phone_number))];
}

/** A live update: the conversation takes its new place, or leaves a list it no longer belongs to. */
export function applyUpdate(items: Conversation[], update: Conversation, filter: ConversationFilter, query: string): Conversation[] {
  const others = items.filter((c) => c.phone_number !== update.phone_number);
  if (!belongsTo(update, filter, query)) return others.length === items.length ? items : others;
  return [...others, update].sort(byActivity);
}
