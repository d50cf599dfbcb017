import { useEffect, useState, type FormEvent } from 'react';
import { describeError } from '../api/api-error';
import type { Conversation } from '../api/types';
import { studentKey } from '../conversations/student';
import { useSession, useUser } from '../session/session';
import { formatFullTime } from '../ui/format';
import {
  AGE_BANDS,
  AGE_LABELS,
  RELATIONSHIP_LABELS,
  RELATIONSHIPS,
  STATUS_LABELS,
  type AgeBand,
  type ConsentStatus,
  type Relationship,
} from './types';
import './privacy.css';

/** The open thread's consent: a chip with the status; its details, and for admins a form to record consent given offline. */
export function ConversationConsent({ conversation }: { conversation: Conversation }) {
  const { api } = useSession();
  const student = studentKey(conversation);
  // Kept with the student it is about: another thread shows nothing until its own answer arrives.
  const [loaded, setLoaded] = useState<{ student: string; status: ConsentStatus | null; error?: string } | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let current = true;
    api.consent(student).then(
      (answer) => current && setLoaded({ student, status: answer }),
      (failure: unknown) => current && setLoaded({ student, status: null, error: describeError(failure) }),
    );
    return () => {
      current = false;
    };
  }, [api, student]);

  const mine = loaded?.student === student ? loaded : null;
  const status = mine?.status ?? null;
  const setStatus = (next: ConsentStatus) => setLoaded({ student, status: next });
  if (!status) return mine?.error ? <span className="muted">Consent unavailable</span> : null;
  return (
    <div className="consent-status">
      <span className={`consent-chip consent-chip-${status.status}`} data-testid="consent-status">
        {STATUS_LABELS[status.status]}
        {status.age_band ? ` · ${AGE_LABELS[status.age_band]}` : ''}
      </span>
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide consent' : 'Consent details'}
      </button>
      {open && <ConsentPanel student={student} status={status} onRecorded={setStatus} />}
    </div>
  );
}

function ConsentPanel({
  student,
  status,
  onRecorded,
}: {
  student: string;
  status: ConsentStatus;
  onRecorded(status: ConsentStatus): void;
}) {
  const isAdmin = useUser().role === 'admin';
  const [recording, setRecording] = useState(false);
  const { consent } = status;
  const recorded = (next: ConsentStatus) => {
    setRecording(false);
    onRecorded(next);
  };
  return (
    <div className="consent-panel" role="region" aria-label="Consent">
      {consent ? (
        <dl className="privacy-figures">
          <dt>Given by</dt>
          <dd>
            {consent.guardian_name} ({RELATIONSHIP_LABELS[consent.relationship]})
          </dd>
          <dt>Contact</dt>
          <dd>{consent.contact}</dd>
          <dt>When</dt>
          <dd>{formatFullTime(consent.given_at)}</dd>
          <dt>How</dt>
          <dd>
            {consent.method === 'whatsapp' ? 'On WhatsApp' : `Recorded by ${consent.recorded_by ?? 'staff'}`}: {consent.evidence}
          </dd>
        </dl>
      ) : (
        <p className="muted">No consent recorded.</p>
      )}
      {isAdmin && !recording && (
        <button type="button" className="button" onClick={() => setRecording(true)}>
          Record consent given offline
        </button>
      )}
      {recording && <RecordConsentForm student={student} ageBand={status.age_band} onRecorded={recorded} />}
    </div>
  );
}

function RecordConsentForm({
  student,
  ageBand,
  onRecorded,
}: {
  student: string;
  ageBand: AgeBand | null;
  onRecorded(status: ConsentStatus): void;
}) {
  const { api } = useSession();
  const [draft, setDraft] = useState({
    guardian_name: '',
    relationship: 'parent' as Relationship,
    contact: '',
    evidence: '',
    given_on: '',
    age_band: (ageBand ?? '') as AgeBand | '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const { given_on: givenOn, age_band: band, ...rest } = draft;
    api
      .recordConsent(student, {
        ...rest,
        ...(givenOn ? { given_at: new Date(`${givenOn}T12:00:00`).toISOString() } : {}),
        ...(band ? { age_band: band } : {}),
      })
      .then(
        (answer) => {
          onRecorded(answer);
          setBusy(false);
        },
        (failure: unknown) => {
          setError(describeError(failure));
          setBusy(false);
        },
      );
  };

  return (
    <form className="consent-form" onSubmit={save} aria-label="Record consent given offline">
      <label>
        Parent or guardian
        <input
          type="text"
          required
          minLength={2}
          maxLength={80}
          value={draft.guardian_name}
          onChange={(e) => setDraft({ ...draft, guardian_name: e.target.value })}
        />
      </label>
      <label>
        Relationship
        <select value={draft.relationship} onChange={(e) => setDraft({ ...draft, relationship: e.target.value as Relationship })}>
          {RELATIONSHIPS.map((r) => (
            <option key={r} value={r}>
              {RELATIONSHIP_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Phone or email
        <input
          type="text"
          required
          minLength={3}
          maxLength={120}
          value={draft.contact}
          onChange={(e) => setDraft({ ...draft, contact: e.target.value })}
        />
      </label>
      <label>
        Given on
        <input type="date" value={draft.given_on} onChange={(e) => setDraft({ ...draft, given_on: e.target.value })} />
      </label>
      <label>
        Age group
        <select value={draft.age_band} onChange={(e) => setDraft({ ...draft, age_band: e.target.value as AgeBand | '' })}>
          <option value="">Unchanged</option>
          {AGE_BANDS.map((band) => (
            <option key={band} value={band}>
              {AGE_LABELS[band]}
            </option>
          ))}
        </select>
      </label>
      <label className="consent-evidence">
        Evidence (how it was given, where it is kept)
        <input
          type="text"
          required
          minLength={3}
          maxLength={500}
          value={draft.evidence}
          onChange={(e) => setDraft({ ...draft, evidence: e.target.value })}
        />
      </label>
      <button type="submit" className="button" disabled={busy}>
        Record consent
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </form>
  );
}
