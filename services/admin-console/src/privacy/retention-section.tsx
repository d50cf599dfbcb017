import { useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../session/session';
import { formatFullTime } from '../ui/format';
import { SaveStatus } from '../ui/save-status';
import { useSaveStatus } from '../ui/use-save-status';
import type { RetentionPreview } from './types';

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Retention of histories (off by default) and what the next runs will delete, as of now. */
export function RetentionSection() {
  const { api } = useSession();
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [days, setDays] = useState('365');
  const { busy, message, save: run, fail } = useSaveStatus();

  const show = (answer: RetentionPreview) => {
    setPreview(answer);
    setEnabled(answer.settings.enabled);
    setDays(String(answer.settings.days));
  };
  useEffect(() => {
    let current = true;
    api.retention().then(
      (answer) => current && show(answer),
      (failure: unknown) => current && fail(failure),
    );
    return () => {
      current = false;
    };
  }, [api, fail]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    run(api.setRetention({ enabled, days: Number(days) }), show);
  };

  return (
    <>
      <form className="privacy-form" onSubmit={save} aria-label="Retention settings">
        <label className="checkbox">
          <input type="checkbox" checked={enabled} disabled={busy || !preview} onChange={(e) => setEnabled(e.target.checked)} />
          Delete conversation histories automatically
        </label>
        <label className="privacy-days">
          Days after a conversation's last activity
          <input
            type="number"
            min={7}
            max={3650}
            step={1}
            required
            value={days}
            disabled={busy || !preview || !enabled}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <p className="muted privacy-note">
          Messages and media files go; the student's profile and consent record stay, so they are not asked to register again.
        </p>
        <button type="submit" className="button" disabled={busy || !preview}>
          Save retention
        </button>
        <SaveStatus message={message} />
      </form>
      {preview && <RetentionPreviewPanel preview={preview} />}
    </>
  );
}

function RetentionPreviewPanel({ preview }: { preview: RetentionPreview }) {
  const { due } = preview;
  return (
    <section className="privacy-preview" aria-label="What retention will delete next">
      <h3>What it will delete next</h3>
      {!preview.settings.enabled ? (
        <p className="muted">Retention is off: nothing is deleted.</p>
      ) : (
        <dl className="privacy-figures">
          <dt>Conversations</dt>
          <dd data-testid="due-conversations">
            {count(due.conversations, 'conversation', 'conversations')}
            {preview.due_capped ? ' and more (counted up to there)' : ''}
          </dd>
          <dt>Messages</dt>
          <dd data-testid="due-messages">{count(due.messages, 'message', 'messages')}</dd>
          <dt>Media files</dt>
          <dd data-testid="due-media">{count(due.media, 'file', 'files')}</dd>
          <dt>Oldest last activity</dt>
          <dd>{preview.oldest_due_activity_at ? formatFullTime(preview.oldest_due_activity_at) : 'none due'}</dd>
          <dt>Inactive since before</dt>
          <dd>{formatFullTime(preview.cutoff)}</dd>
          <dt>Next run</dt>
          <dd>{preview.next_run_at ? formatFullTime(preview.next_run_at) : 'not scheduled'}</dd>
        </dl>
      )}
      {preview.last_run_at && preview.last_run_deleted && (
        <p className="muted">
          Last run {formatFullTime(preview.last_run_at)}: {count(preview.last_run_deleted.conversations, 'conversation', 'conversations')},{' '}
          {count(preview.last_run_deleted.messages, 'message', 'messages')}, {count(preview.last_run_deleted.media, 'file', 'files')}{' '}
          deleted.
        </p>
      )}
      {preview.updated_by && preview.updated_at && (
        <p className="muted">
          Settings changed by {preview.updated_by}, {formatFullTime(preview.updated_at)}.
        </p>
      )}
    </section>
  );
}
