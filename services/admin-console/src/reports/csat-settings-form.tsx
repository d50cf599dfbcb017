import { useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../session/session';
import { ErrorAlert } from '../ui/error-alert';
import { useSaveStatus } from '../ui/use-save-status';
import type { CsatSettings, CsatTexts } from './types';

// WhatsApp's limits for where each text is shown (a list's body, its button, a row's title).
const FIELDS: { key: keyof CsatTexts; label: string; max: number }[] = [
  { key: 'question', label: 'Question', max: 1024 },
  { key: 'button', label: 'List button', max: 20 },
  { key: 'rating_5', label: 'Rating 5', max: 24 },
  { key: 'rating_4', label: 'Rating 4', max: 24 },
  { key: 'rating_3', label: 'Rating 3', max: 24 },
  { key: 'rating_2', label: 'Rating 2', max: 24 },
  { key: 'rating_1', label: 'Rating 1', max: 24 },
  { key: 'comment_prompt', label: 'After a rating (invites a comment)', max: 1024 },
  { key: 'thanks', label: 'After a comment', max: 1024 },
];

/** Admins: whether students get the satisfaction survey after a chat with staff, and its wording. */
export function CsatSettingsForm() {
  const { api } = useSession();
  const [draft, setDraft] = useState<CsatSettings | null>(null);
  const { busy, message, save: run, fail } = useSaveStatus();
  useEffect(() => {
    api.csatSettings().then(setDraft, fail);
  }, [api, fail]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft) run(api.setCsatSettings(draft), setDraft);
  };

  return (
    <section className="csat-settings card" aria-labelledby="csat-heading">
      <h2 id="csat-heading">Satisfaction survey</h2>
      <ErrorAlert error={message?.kind === 'error' ? message.text : null} />
      {draft && (
        <form onSubmit={save} aria-label="Satisfaction survey">
          <label className="checkbox">
            <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
            Ask students how it went when a chat with a member of staff ends (a WhatsApp list of five ratings, then an optional comment)
          </label>
          <div className="csat-fields">
            {FIELDS.map((field) => (
              <label key={field.key}>
                {field.label}
                <input
                  value={draft.texts[field.key]}
                  maxLength={field.max}
                  required
                  onChange={(e) => setDraft({ ...draft, texts: { ...draft.texts, [field.key]: e.target.value } })}
                />
              </label>
            ))}
          </div>
          <button type="submit" className="button button-primary" disabled={busy}>
            Save survey
          </button>
          {message?.kind === 'done' && <span className="muted"> Saved.</span>}
        </form>
      )}
    </section>
  );
}
