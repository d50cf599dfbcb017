import { useEffect, useRef } from 'react';
import type { Conversation, ConversationFilter } from '../api/types';
import { Link } from '../app/router';
import { useUser } from '../session/session';
import { formatTime } from '../ui/format';
import { useNow } from '../ui/use-now';
import { isNamedBy, studentDetail, studentKey, studentName } from './student';
import { SupportBadge } from './support-badge';
import type { ConversationList } from './use-conversation-list';
import { LabelChips } from '../labels/label-chips';
import { LabelFilter } from '../labels/label-filter';
import { useLabels } from '../labels/use-labels';

const FILTERS: { value: ConversationFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'waiting', label: 'Waiting' },
  { value: 'active', label: 'Active' },
];

interface Props {
  list: ConversationList;
  filter: ConversationFilter;
  search: string;
  /** The `{student}` of the open thread: phone digits or user id. */
  selected: string | null;
  hrefOf(student: string): string;
  onFilter(filter: ConversationFilter): void;
  onSearch(text: string): void;
  /** The label filter: a label id, or '' for any. */
  label?: string;
  onLabel?(label: string): void;
}

function Row({
  conversation,
  selected,
  href,
  userId,
  now,
}: {
  conversation: Conversation;
  selected: boolean;
  href: string;
  userId: string;
  now: number;
}) {
  const unread = conversation.unread_count;
  const detail = studentDetail(conversation);
  return (
    <li>
      <Link
        to={href}
        className="conversation-row"
        aria-current={selected ? 'page' : undefined}
        data-student={studentKey(conversation)}
        data-phone={conversation.phone_number ?? undefined}
        data-user-id={conversation.user_id ?? undefined}
      >
        <span className="row-top">
          <span className="row-name">{studentName(conversation)}</span>
          <time className="row-time" dateTime={conversation.last_message_time ?? undefined}>
            {formatTime(conversation.last_message_time, now)}
          </time>
        </span>
        {detail !== null && <span className="row-phone">{detail}</span>}
        <span className="row-bottom">
          <span className="row-last">{conversation.last_message ?? 'No messages yet'}</span>
          {unread > 0 && (
            <span className="unread" aria-label={`${unread} unread`}>
              {unread}
            </span>
          )}
        </span>
        <SupportBadge conversation={conversation} userId={userId} />
        <LabelChips labels={conversation.labels ?? []} />
      </Link>
    </li>
  );
}

/** Filters, search, and the list; the next page loads as its end scrolls into view (or on the button). */
export function ConversationListPane({ list, filter, search, selected, hrefOf, onFilter, onSearch, label = '', onLabel }: Props) {
  const user = useUser();
  const { labels } = useLabels();
  const sentinel = useRef<HTMLDivElement>(null);
  const { loadMore, hasMore } = list;
  const now = useNow();

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore());
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, loadMore]);

  return (
    <section className="list-pane" aria-labelledby="conversations-heading">
      <h1 id="conversations-heading" className="pane-title">
        Conversations
      </h1>
      <div className="filters" role="group" aria-label="Show conversations">
        {FILTERS.map((f) => (
          <button key={f.value} type="button" className="filter" aria-pressed={filter === f.value} onClick={() => onFilter(f.value)}>
            {f.label}
          </button>
        ))}
      </div>
      {onLabel && <LabelFilter labels={labels} value={label} onChange={onLabel} />}
      <label className="search">
        <span>Search by name, phone or username</span>
        <input type="search" value={search} onChange={(event) => onSearch(event.target.value)} autoComplete="off" />
      </label>
      {list.error && (
        <p role="alert" className="error-text">
          {list.error}
        </p>
      )}
      <ul className="conversation-list" aria-label="Conversations, newest activity first" aria-busy={list.loading}>
        {list.items.map((c) => (
          <Row
            key={studentKey(c)}
            conversation={c}
            selected={selected !== null && isNamedBy(c, selected)}
            href={hrefOf(studentKey(c))}
            userId={user.id}
            now={now}
          />
        ))}
      </ul>
      {!list.loading && list.items.length === 0 && <p className="muted">No conversations here.</p>}
      {hasMore && (
        <div ref={sentinel} className="load-more">
          <button type="button" className="link-button" onClick={loadMore} disabled={list.loading}>
            {list.loading ? 'Loading…' : 'Load more conversations'}
          </button>
        </div>
      )}
    </section>
  );
}
