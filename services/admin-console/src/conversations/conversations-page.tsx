import { useEffect, useState } from 'react';
import type { ConversationFilter } from '../api/types';
import { useRouter } from '../app/router';
import { ConversationListPane } from './conversation-list';
import { isNamedBy } from './student';
import { ThreadView } from './thread-view';
import { useConversationList } from './use-conversation-list';

const FILTERS: readonly ConversationFilter[] = ['all', 'waiting', 'active'];
const asFilter = (value: string | null): ConversationFilter => FILTERS.find((f) => f === value) ?? 'all';

/**
 * The list and the open thread side by side; on a narrow screen one at a time (the thread has a back
 * button). Filter and search live in the address, so reload and the back button keep them.
 */
export function ConversationsPage({ student }: { student: string | null }) {
  const { search: params, navigate } = useRouter();
  const filter = asFilter(params.get('filter'));
  const query = params.get('q') ?? '';
  const label = params.get('label') ?? '';
  const [typed, setTyped] = useState(query);
  const list = useConversationList(filter, query, label);

  const hrefWith = (path: string, next: { filter?: ConversationFilter; q?: string; label?: string }) => {
    const search = new URLSearchParams();
    const f = next.filter ?? filter;
    const q = next.q ?? query;
    const l = next.label ?? label;
    if (f !== 'all') search.set('filter', f);
    if (q !== '') search.set('q', q);
    if (l !== '') search.set('label', l);
    const s = search.toString();
    return s ? `${path}?${s}` : path;
  };
  const listPath = student ? `/conversations/${student}` : '/conversations';

  // Searching waits for a pause in typing, so each keystroke is not a request.
  useEffect(() => {
    if (typed.trim() === query) return;
    const timer = setTimeout(() => navigate(hrefWith(listPath, { q: typed.trim() }), { replace: true }), 300);
    return () => clearTimeout(timer);
  });

  const initial = student === null ? null : (list.items.find((c) => isNamedBy(c, student)) ?? null);
  return (
    <div className={`conversations ${student ? 'has-thread' : 'no-thread'}`}>
      <ConversationListPane
        list={list}
        filter={filter}
        search={typed}
        selected={student}
        hrefOf={(p) => hrefWith(`/conversations/${p}`, {})}
        onFilter={(f) => navigate(hrefWith(listPath, { filter: f }))}
        onSearch={setTyped}
        label={label}
        onLabel={(l) => navigate(hrefWith(listPath, { label: l }))}
      />
      <div className="thread-pane">
        {student ? (
          <ThreadView
            key={student}
            student={student}
            initial={initial}
            onBack={() => navigate(hrefWith('/conversations', {}))}
            onConversation={list.update}
          />
        ) : (
          <p className="muted empty-thread">Choose a conversation to read it and reply.</p>
        )}
      </div>
    </div>
  );
}
