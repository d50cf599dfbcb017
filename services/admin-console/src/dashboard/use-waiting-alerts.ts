import { useEffect, useRef } from 'react';
import { useLiveEvent } from '../live/live-events';
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
        if (current) known.current = new Set(page.items.map((c) => c.phone_number));
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
    if (conversation.support_status !== 'waiting') {
      seen.delete(conversation.phone_number);
      return;
    }
    if (seen.has(conversation.phone_number)) return;
    seen.add(conversation.phone_number);
    announceWaiting(conversation.student_name ?? `+${conversation.phone_number}`, conversation.phone_number);
  });
}
