import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/api-error';
import type { Conversation, Message } from '../api/types';
import { useLiveEvent, useLiveStatus } from '../live/live-events';
import { useSession } from '../session/session';
import { isNamedBy, sameStudent } from './student';
import { mergeMessages } from './thread-state';

export interface Thread {
  conversation: Conversation | null;
  messages: Message[];
  hasOlder: boolean;
  loading: boolean;
  loadingOlder: boolean;
  error: string | null;
  loadOlder(): void;
  /** What the console did itself (a sent message, a claimed chat), shown before its live event comes. */
  addMessage(message: Message): void;
  setConversation(conversation: Conversation): void;
}

/**
 * One conversation's history (mount it with key={student}): the newest page when opened and after the live
 * stream reopens, older pages on demand, live messages and statuses in between. Opening it marks it read,
 * and so does a student message arriving while it is open and visible. `student` is the address's phone or
 * user id; admin-api finds the conversation by either, and live events are matched by either.
 */
export function useThread(student: string, initial: Conversation | null): Thread {
  const { api } = useSession();
  const { generation } = useLiveStatus();
  const [conversation, setConversation] = useState<Conversation | null>(initial);
  const [messages, setMessages] = useState<Message[]>([]);
  const [olderCursor, setOlderCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loadedOnce = useRef(false);
  // One read call at a time; a student message that arrives while one is in flight asks for one more after it
  // (that call may have been answered before the message was stored, so it did not cover it).
  const reading = useRef<'idle' | 'busy' | 'again'>('idle');

  const markRead = useCallback(() => {
    if (reading.current !== 'idle') {
      reading.current = 'again';
      return;
    }
    const read = (): void => {
      reading.current = 'busy';
      api
        .markRead(student)
        .then((answer) => setConversation(answer.conversation))
        .catch(() => undefined) // the unread badge stays: nothing the admin must act on
        .finally(() => {
          const again = reading.current === 'again';
          reading.current = 'idle';
          if (again) read();
        });
    };
    read();
  }, [api, student]);

  useEffect(() => {
    let current = true;
    api.listMessages(student).then(
      (page) => {
        if (!current) return;
        setMessages((shown) => mergeMessages(shown, page.items));
        // After a reconnect the older pages already shown keep their own cursor.
        if (!loadedOnce.current) setOlderCursor(page.next_cursor);
        loadedOnce.current = true;
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(describeError(failure));
        setLoading(false);
      },
    );
    markRead();
    return () => {
      current = false;
    };
  }, [api, student, generation, markRead]);

  const loadOlder = useCallback(() => {
    if (loadingOlder || olderCursor === null) return;
    setLoadingOlder(true);
    api.listMessages(student, olderCursor).then(
      (page) => {
        setMessages((shown) => mergeMessages(shown, page.items));
        setOlderCursor(page.next_cursor);
        setLoadingOlder(false);
      },
      (failure: unknown) => {
        setError(describeError(failure));
        setLoadingOlder(false);
      },
    );
  }, [api, student, olderCursor, loadingOlder]);

  useLiveEvent(({ name, data }) => {
    // By either id: the event may name the student by both while the address names them by one.
    const ours = isNamedBy(data, student) || (conversation !== null && sameStudent(data, conversation));
    if (!ours) return;
    if (data.conversation) setConversation(data.conversation);
    if (data.message) {
      setMessages((shown) => mergeMessages(shown, [data.message!]));
      if (name === 'message.created' && data.message.direction === 'inbound' && document.visibilityState === 'visible') markRead();
    }
  });

  const addMessage = useCallback((message: Message) => setMessages((shown) => mergeMessages(shown, [message])), []);

  return { conversation, messages, hasOlder: olderCursor !== null, loading, loadingOlder, error, loadOlder, addMessage, setConversation };
}
