import { useEffect, useId, useRef, useState } from 'react';
import { describeError } from '../api/api-error';
import { useSession } from '../session/session';

interface Props {
  student: string;
  name: string;
  onErased(): void;
  onCancel(): void;
}

/** Erasing cannot be undone: the admin types the student's id again before the button works. */
export function EraseDialog({ student, name, onErased, onCancel }: Props) {
  const { api } = useSession();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const matches = typed.trim() === student;

  useEffect(() => input.current?.focus(), []);

  const erase = () => {
    setBusy(true);
    setError(null);
    api.eraseStudent(student, typed.trim()).then(onErased, (failure: unknown) => {
      setError(describeError(failure));
      setBusy(false);
    });
  };

  return (
    <div role="alertdialog" aria-labelledby={titleId} className="confirm erase-dialog">
      <p id={titleId}>
        Erase {name}? Their profile, messages, files, homework and support chats are deleted everywhere, and queued messages to them are
        dropped. This cannot be undone.
      </p>
      <label className="erase-confirm">
        Type <strong>{student}</strong> to confirm
        <input
          ref={input}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-label="Student id to confirm"
        />
      </label>
      <button type="button" className="button button-danger" disabled={!matches || busy} onClick={erase}>
        {busy ? 'Erasing…' : 'Erase permanently'}
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
