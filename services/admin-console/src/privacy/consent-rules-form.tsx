import { useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../session/session';
import { SaveStatus } from '../ui/save-status';
import { useSaveStatus } from '../ui/use-save-status';
import { AGE_BANDS, AGE_LABELS, type AgeBand, type ConsentSettings } from './types';

/**
 * The school's consent rules: whether registration asks the student's age group, and which groups need a
 * parent's or guardian's consent before uploading homework. Both off by default (registration as before).
 */
export function ConsentRulesForm() {
  const { api } = useSession();
  const [draft, setDraft] = useState<ConsentSettings | null>(null);
  const { busy, message, save: run, fail } = useSaveStatus();

  useEffect(() => {
    let current = true;
    api.consentSettings().then(
      (settings) => current && setDraft(settings),
      (failure: unknown) => current && fail(failure),
    );
    return () => {
      current = false;
    };
  }, [api, fail]);

  const toggleBand = (band: AgeBand, on: boolean) =>
    draft &&
    setDraft({
      ...draft,
      guardian_consent_bands: on
        ? AGE_BANDS.filter((b) => b === band || draft.guardian_consent_bands.includes(b))
        : draft.guardian_consent_bands.filter((b) => b !== band),
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    // Without the age question no band is known: nothing can require consent.
    const settings = draft.ask_age_band ? draft : { ask_age_band: false, guardian_consent_bands: [] };
    run(api.setConsentSettings(settings), setDraft);
  };

  if (!draft)
    return message ? (
      <p role="alert" className="error-text">
        {message.text}
      </p>
    ) : (
      <p className="muted">Loading consent rules…</p>
    );
  return (
    <form className="privacy-form" onSubmit={save} aria-label="Consent rules">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.ask_age_band}
          disabled={busy}
          onChange={(e) => setDraft({ ...draft, ask_age_band: e.target.checked })}
        />
        Ask the student's age group at registration (after their class)
      </label>
      <fieldset className="privacy-bands" disabled={busy || !draft.ask_age_band}>
        <legend>Age groups that need a parent's or guardian's consent before homework uploads</legend>
        {AGE_BANDS.map((band) => (
          <label key={band} className="checkbox">
            <input
              type="checkbox"
              checked={draft.guardian_consent_bands.includes(band)}
              onChange={(e) => toggleBand(band, e.target.checked)}
            />
            {AGE_LABELS[band]}
          </label>
        ))}
      </fieldset>
      <p className="muted privacy-note">
        Until consent is given, a student in these groups can read the FAQ and chat with the team (so they can always reach a person), but
        cannot upload homework.
      </p>
      <button type="submit" className="button" disabled={busy}>
        Save consent rules
      </button>
      <SaveStatus message={message} />
    </form>
  );
}
