import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/api-error';
import type { AuditEntry } from '../api/types';
import { useSession } from '../session/session';
import { formatFullTime } from '../ui/format';
import { AUDIT_ACTION_OPTIONS, type AuditAction } from './audit-actions';

/** Admins only: who did what, when, from where; newest first, older pages on demand. */
export function AuditPage() {
  const { api } = useSession();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<AuditAction | ''>('');

  const fetchPage = useCallback(
    (from?: string) =>
      api.listAudit(from, action || undefined).then(
        (page) => {
          setEntries((current) => (from ? [...current, ...page.items] : page.items));
          setCursor(page.next_cursor);
          setLoading(false);
        },
        (failure: unknown) => {
          setError(describeError(failure));
          setLoading(false);
        },
      ),
    [api, action],
  );
  useEffect(() => void fetchPage(), [fetchPage]);
  const loadOlder = (from: string) => {
    setLoading(true);
    void fetchPage(from);
  };

  return (
    <section className="audit" aria-labelledby="audit-heading">
      <h1 id="audit-heading">Audit log</h1>
      <label className="audit-filter">
        Action{' '}
        <select
          value={action}
          onChange={(event) => {
            setLoading(true);
            setEntries([]);
            setCursor(null);
            setAction(event.target.value as AuditAction | '');
          }}
        >
          <option value="">All actions</option>
          {AUDIT_ACTION_OPTIONS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit entries">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.created_at}>{formatFullTime(entry.created_at)}</time>
                </td>
                <td>{entry.actor_email}</td>
                <td>{entry.action}</td>
                <td>{entry.target ?? ''}</td>
                <td>
                  <code className="details">{Object.keys(entry.details).length ? JSON.stringify(entry.details) : ''}</code>
                </td>
                <td>{entry.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loading && <p className="muted">Loading…</p>}
      {cursor && !loading && (
        <button type="button" className="button" onClick={() => loadOlder(cursor)}>
          Load older entries
        </button>
      )}
    </section>
  );
}
