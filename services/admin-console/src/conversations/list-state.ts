import type { Conversation, ConversationFilter } from '../api/types';
import { sameStudent, studentKey } from './student';

// The conversation list as pure functions: the hook feeds them pages and live events. A row is one student,
// matched by phone or by user id, so an update that adds the phone (or the user id) to a student replaces
// their row instead of adding a second one.

const contains = (text: string | null, needle: string) => text !== null && text.toLowerCase().includes(needle);

/** Whether a conversation belongs in the list the admin is looking at (as admin-api would filter it); `label` an id or ''. */
export function belongsTo(conversation: Conversation, filter: ConversationFilter, query: string, label = ''): boolean {
  if (filter !== 'all' && !(conversation.is_chat_support && conversation.support_status === filter)) return false;
  if (label !== '' && !(conversation.labels ?? []).some((l) => l.id === label)) return false;
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  const digits = needle.replace(/\D/g, '');
  return (
    contains(conversation.student_name, needle) ||
    contains(conversation.username, needle.replace(/^@/, '')) ||
    contains(conversation.user_id, needle) ||
    (digits !== '' && conversation.phone_number !== null && conversation.phone_number.includes(digits))
  );
}

/** Newest activity first; conversations without any message last, by number (or user id). */
function byActivity(a: Conversation, b: Conversation): number {
  const ta = a.last_message_time ? Date.parse(a.last_message_time) : -Infinity;
  const tb = b.last_message_time ? Date.parse(b.last_message_time) : -Infinity;
  if (ta !== tb) return tb - ta;
  return studentKey(a).localeCompare(studentKey(b));
}

/** A page from the API appended; a conversation already shown (moved up by a live event) is not repeated. */
export function appendPage(items: Conversation[], page: Conversation[]): Conversation[] {
  return [...items, ...page.filter((c) => !items.some((shown) => sameStudent(shown, c)))];
}

/** A live update: the conversation takes its new place, or leaves a list it no longer belongs to. */
export function applyUpdate(
  items: Conversation[],
  update: Conversation,
  filter: ConversationFilter,
  query: string,
  label = '',
): Conversation[] {
  const others = items.filter((c) => !sameStudent(c, update));
  if (!belongsTo(update, filter, query, label)) return others.length === items.length ? items : others;
  return [...others, update].sort(byActivity);
}
