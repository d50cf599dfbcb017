import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/api-error';
import type { ParkedEvent, ParkedStatus } from '../api/types';
import { useSession } from '../session/session';
import { formatFullTime, formatPhone } from '../ui/format';

const STATUSES: { value: ParkedStatus; label: string }[] = [
  { value: 'parked', label: 'Waiting for a decision' },
  { value: 'retried', label: 'Retried' },
  { value: 'discarded', label: 'Discarded' },
];

/** What a retry or discard came to, in words: a retry that failed again leaves the event parked. */
function outcomeOf(verb: 'retry' | 'discard', event: ParkedEvent): string {
  if (verb === 'discard') return 'Discarded.';
  if (event.status === 'retried') return 'Retried: handled this time.';
  return `The retry failed again (attempt ${event.attempts}): ${event.error}`;
}

function ParkedRow({ event, onChanged }: { event: ParkedEvent; onChanged(event: ParkedEvent): void }) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; failed: boolean } | null>(null);
  const [showPayload, setShowPayload] = useState(false);
  const act = (verb: 'retry' | 'discard') => {
    setBusy(true);
    setResult(null);
    const call = verb === 'retry' ? api.retryParkedEvent(event.id) : api.discardParkedEvent(event.id);
    call.then(
      ({ event: changed }) => {
        setBusy(false);
        setResult({ text: outcomeOf(verb, changed), failed: changed.status === 'parked' });
        onChanged(changed);
      },
      (failure: unknown) => {
        setBusy(false);
        setResult({ text: describeError(failure), failed: true });
      },
    );
  };
  return (
    <tr>
      <td>
        <time dateTime={event.parked_at}>{formatFullTime(event.parked_at)}</time>
      </td>
      <td>
        {event.source}
        <div className="muted details">{event.subject}</div>
      </td>
      <td>{event.phone_number ? formatPhone(event.phone_number) : ''}</td>
      <td>
        <code className="details">{event.error}</code>
        {showPayload && (
          <pre className="details" aria-label="Payload">
            {event.payload}
          </pre>
        )}
        <div>
          <button type="button" className="button" aria-expanded={showPayload} onClick={() => setShowPayload((shown) => !shown)}>
            {showPayload ? 'Hide payload' : 'Show payload'}
          </button>
        </div>
      </td>
      <td>{event.attempts}</td>
      <td>
        {event.status}
        {event.resolved_by && <div className="muted details">by {event.resolved_by}</div>}
      </td>
      <td>
        {event.status === 'parked' && (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => act('retry')}>
              Retry
            </button>{' '}
            <button type="button" className="button button-danger" disabled={busy} onClick={() => act('discard')}>
              Discard
            </button>
          </>
        )}
        {result && (
          <p role={result.failed ? 'alert' : 'status'} className={result.failed ? 'error-text' : 'muted'}>
            {result.text}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Admins only: events the conversation engine gave up on after its retries; retry one once more, or discard it. */
export function ParkedEventsPage() {
  const { api } = useSession();
  const [status, setStatus] = useState<ParkedStatus>('parked');
  const [events, setEvents] = useState<ParkedEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const fetchPage = useCallback(
    (from?: string) =>
      api.listParkedEvents(status, from).then(
        (page) => {
          setEvents((current) => (from ? [...current, ...page.items] : page.items));
          setCursor(page.next_cursor);
          setLoading(false);
        },
        (failure: unknown) => {
          setError(describeError(failure));
          setLoading(false);
        },
      ),
    [api, status],
  );
  useEffect(() => void fetchPage(), [fetchPage]);
  const show = (next: ParkedStatus) => {
    setStatus(next);
    setEvents([]);
    setCursor(null);
    setError(null);
    setLoading(true);
  };
  const loadOlder = (from: string) => {
    setLoading(true);
    void fetchPage(from);
  };
  // The row stays in place with its new state (and its result text) until the list is loaded again.
  const replace = (changed: ParkedEvent) => setEvents((current) => current.map((e) => (e.id === changed.id ? changed : e)));

  return (
    <section className="audit parked" aria-labelledby="parked-heading">
      <h1 id="parked-heading">Parked events</h1>
      <p className="muted">
        Events the conversation engine could not handle after its retries. Retry one once it can succeed, or discard it.
      </p>
      <label>
        Show{' '}
        <select value={status} onChange={(e) => show(STATUSES.find((s) => s.value === e.target.value)?.value ?? 'parked')}>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Parked events">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Source</th>
              <th scope="col">Student</th>
              <th scope="col">Error</th>
              <th scope="col">Attempts</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <ParkedRow key={event.id} event={event} onChanged={replace} />
            ))}
          </tbody>
        </table>
      </div>
      {!loading && !error && events.length === 0 && <p className="muted">Nothing here.</p>}
      {loading && <p className="muted">Loading…</p>}
      {cursor && !loading && (
        <button type="button" className="button" onClick={() => loadOlder(cursor)}>
          Load older events
        </button>
      )}
    </section>
  );
}
