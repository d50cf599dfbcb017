import type { Conversation, LiveEvent } from '../api/types';
import { isNamedBy } from '../conversations/student';

/** The list without the conversation a conversation.erased event names (the same list when it names none). */
export function withoutErased(items: Conversation[], event: LiveEvent): Conversation[] {
  if (event.name !== 'conversation.erased') return items;
  const ids = [event.data.phone_number, event.data.user_id].filter((id): id is string => id !== null);
  const kept = items.filter((c) => !ids.some((id) => isNamedBy(c, id)));
  return kept.length === items.length ? items : kept;
}
