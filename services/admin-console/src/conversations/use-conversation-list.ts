import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/api-error';
import type { Conversation, ConversationFilter } from '../api/types';
import { useLiveEvent, useLiveStatus } from '../live/live-events';
import { useSession } from '../session/session';
import { appendPage, applyUpdate } from './list-state';
import { withoutErased } from '../student-data/erased';

export interface ConversationList {
  items: Conversation[];
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore(): void;
  /** A conversation the console changed itself (claim, end...): shown at once, before its live event. */
  update(conversation: Conversation): void;
}

interface Loaded {
  /** Which filter, search and stream generation these items answer. */
  key: string;
  items: Conversation[];
  cursor: string | null;
  error: string | null;
}

/**
 * One filtered, searched list: the first page on every change of filter or search and after the live stream
 * reopens (events missed in between are not replayed), further pages on demand, live updates in between.
 */
export function useConversationList(filter: ConversationFilter, query: string, label = ''): ConversationList {
  const { api } = useSession();
  const { generation } = useLiveStatus();
  const key = `${filter}|${query}|${label}|${generation}`;
  const [loaded, setLoaded] = useState<Loaded>({ key: '', items: [], cursor: null, error: null });
  const [loadingMore, setLoadingMore] = useState(false);
  // Only the answer to the latest first-page request may fill the list.
  const latest = useRef('');

  useEffect(() => {
    latest.current = key;
    api.listConversations({ filter, q: query, ...(label ? { label } : {}) }).then(
      (page) => latest.current === key && setLoaded({ key, items: page.items, cursor: page.next_cursor, error: null }),
      (failure: unknown) => latest.current === key && setLoaded((current) => ({ ...current, key, error: describeError(failure) })),
    );
  }, [api, filter, query, label, key]);

  const loadMore = useCallback(() => {
    if (loadingMore || loaded.cursor === null || loaded.key !== key) return;
    setLoadingMore(true);
    api.listConversations({ filter, q: query, ...(label ? { label } : {}), cursor: loaded.cursor }).then(
      (page) => {
        setLoadingMore(false);
        if (latest.current !== key) return;
        setLoaded((current) => ({ ...current, items: appendPage(current.items, page.items), cursor: page.next_cursor }));
      },
      (failure: unknown) => {
        setLoadingMore(false);
        setLoaded((current) => ({ ...current, error: describeError(failure) }));
      },
    );
  }, [api, filter, query, label, key, loaded, loadingMore]);

  const update = useCallback(
    (conversation: Conversation) =>
      setLoaded((current) => ({ ...current, items: applyUpdate(current.items, conversation, filter, query, label) })),
    [filter, query, label],
  );

  useLiveEvent((event) => {
    if (event.data.conversation) update(event.data.conversation);
    if (event.name === 'conversation.erased') setLoaded((current) => ({ ...current, items: withoutErased(current.items, event) }));
  });

  const current = loaded.key === key;
  return {
    // Until the new first page comes, the previous list stays on screen (marked busy) rather than blank.
    items: loaded.items,
    hasMore: current && loaded.cursor !== null,
    loading: !current || loadingMore,
    error: loaded.error,
    loadMore,
    update,
  };
}
