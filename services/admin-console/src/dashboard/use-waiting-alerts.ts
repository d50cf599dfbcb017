import { useEffect, useRef } from 'react';
import { useLiveEvent } from '../live/live-events';
import { idsOf, studentKey, studentName } from '../conversations/student';
import { useSession } from '../session/session';
import { announceWaiting } from './notifications';

/**
 * While `enabled`, announces each chat that starts waiting. Chats already waiting when it is switched on
 * are read first, so a later message from one of them is not taken for a new request.
 */
export function useWaitingAlerts(enabled: boolean): void {
  const { api } = useSession();
  const known = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!enabled) {
      known.current = null;
      return;
    }
    let current = true;
    api.listConversations({ filter: 'waiting', limit: 100 }).then(
      (page) => {
        if (current) known.current = new Set(page.items.flatMap(idsOf));
      },
      () => {
        if (current) known.current = new Set();
      },
    );
    return () => {
      current = false;
    };
  }, [api, enabled]);

  useLiveEvent(({ data }) => {
    const seen = known.current;
    const conversation = data.conversation;
    if (!enabled || !seen || !conversation) return;
    // A student is known by each of their ids, so one who gains a phone or a user id is not announced twice.
    const ids = idsOf(conversation);
    if (conversation.support_status !== 'waiting') {
      for (const id of ids) seen.delete(id);
      return;
    }
    const wasKnown = ids.some((id) => seen.has(id));
    for (const id of ids) seen.add(id);
    if (!wasKnown) announceWaiting(studentName(conversation), studentKey(conversation));
  });
}
