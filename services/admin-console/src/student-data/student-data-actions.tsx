import { useState } from 'react';
import { describeError } from '../api/api-error';
import type { Conversation } from '../api/types';
import { isNamedBy, studentKey, studentName } from '../conversations/student';
import { useLiveEvent } from '../live/live-events';
import { useSession, useUser } from '../session/session';
import { EraseDialog } from './erase-dialog';
import { browserTimeZone, openFile, saveFile } from './save-file';
import type { DownloadedFile } from './student-data-api';
import './student-data.css';

interface Props {
  conversation: Conversation;
  /** The conversation is gone (erased here, or by another admin): leave it. */
  onErased(): void;
}

type Busy = 'html' | 'json' | 'export' | null;

/**
 * The student's data from the thread header: the transcript (to read and print, or as JSON) for anyone; the
 * subject access archive and the erasure for admins (the erasure asks for the student's id typed again).
 */
export function StudentDataActions({ conversation, onErased }: Props) {
  const { api } = useSession();
  const user = useUser();
  const [busy, setBusy] = useState<Busy>(null);
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const student = studentKey(conversation);
  const isAdmin = user.role === 'admin';

  useLiveEvent(({ name, data }) => {
    if (name === 'conversation.erased' && [data.phone_number, data.user_id].some((id) => id !== null && isNamedBy(conversation, id)))
      onErased();
  });

  const fetchFile = (
    what: Exclude<Busy, null>,
    load: () => Promise<DownloadedFile>,
    use: (file: DownloadedFile) => void | Promise<void>,
  ) => {
    setBusy(what);
    setError(null);
    load()
      .then(use)
      .then(
        () => setBusy(null),
        (failure: unknown) => {
          setError(describeError(failure));
          setBusy(null);
        },
      );
  };

  return (
    <details className="student-data">
      <summary className="button">Student data</summary>
      <div className="student-data-menu">
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => fetchFile('html', () => api.transcript(student, 'html', browserTimeZone()), openFile)}
        >
          {busy === 'html' ? 'Preparing…' : 'Transcript (print)'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => fetchFile('json', () => api.transcript(student, 'json', browserTimeZone()), saveFile)}
        >
          {busy === 'json' ? 'Preparing…' : 'Transcript (JSON)'}
        </button>
        {isAdmin && (
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => fetchFile('export', () => api.exportStudentData(student), saveFile)}
          >
            {busy === 'export' ? 'Preparing archive…' : 'Export data'}
          </button>
        )}
        {isAdmin && !erasing && (
          <button type="button" className="button button-danger" onClick={() => setErasing(true)}>
            Erase student…
          </button>
        )}
        {erasing && (
          <EraseDialog student={student} name={studentName(conversation)} onErased={onErased} onCancel={() => setErasing(false)} />
        )}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
