import { useState, type FormEvent } from 'react';
import { describeError } from '../api/api-error';
import { useSession } from '../session/session';
import type { Closure } from './types';

const dates = (c: Pick<Closure, 'start_date' | 'end_date'>) =>
  c.start_date === c.end_date ? c.start_date : `${c.start_date} to ${c.end_date}`;

/** Dated closures (holidays, term breaks): listed for everyone, added and removed by admins. */
export function ClosuresSection({ closures, canEdit, onChanged }: { closures: Closure[]; canEdit: boolean; onChanged(): void }) {
  const { api } = useSession();
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
      return true;
    } catch (failure) {
      setError(describeError(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const added = await run(() => api.addClosure({ start_date: start, ...(end ? { end_date: end } : {}), reason }));
    if (added) {
      setStart('');
      setEnd('');
      setReason('');
    }
  };

  return (
    <section aria-labelledby="closures-heading" className="closures">
      <h2 id="closures-heading">Closures</h2>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {closures.length === 0 ? (
        <p className="muted">No closures ahead.</p>
      ) : (
        <ul className="closure-list">
          {closures.map((c) => (
            <li key={c.id} className="closure">
              <span className="closure-dates">{dates(c)}</span> <span>{c.reason}</span>
              {canEdit && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove closure ${c.reason}`}
                  disabled={busy}
                  onClick={() => void run(() => api.removeClosure(c.id))}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="form-grid" onSubmit={(e) => void add(e)} aria-label="Add a closure">
          <label>
            From
            <input type="date" required value={start} onChange={(e) => setStart(e.target.value)} />
          </label>
          <label>
            To (optional)
            <input type="date" value={end} min={start || undefined} onChange={(e) => setEnd(e.target.value)} />
          </label>
          <label>
            Reason
            <input
              type="text"
              required
              maxLength={200}
              value={reason}
              placeholder="Independence Day"
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <button type="submit" className="button" disabled={busy}>
            Add closure
          </button>
        </form>
      )}
    </section>
  );
}
