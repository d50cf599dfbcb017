import { useCallback, useState } from 'react';
import { describeError } from '../api/api-error';

export interface SaveMessage {
  kind: 'error' | 'done';
  text: string;
}

/**
 * A settings form's save: busy while the call runs, then "Saved." or the failure in words. Loading failures
 * go through `fail`, so one message line serves both.
 */
export function useSaveStatus() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<SaveMessage | null>(null);
  const fail = useCallback((failure: unknown) => setMessage({ kind: 'error', text: describeError(failure) }), []);
  const save = useCallback(
    <T>(call: Promise<T>, onSaved?: (answer: T) => void) => {
      setBusy(true);
      setMessage(null);
      call.then(
        (answer) => {
          onSaved?.(answer);
          setMessage({ kind: 'done', text: 'Saved.' });
          setBusy(false);
        },
        (failure: unknown) => {
          fail(failure);
          setBusy(false);
        },
      );
    },
    [fail],
  );
  return { busy, message, save, fail };
}
