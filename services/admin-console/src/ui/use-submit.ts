import { useCallback, useState } from 'react';

/**
 * An add/edit form's submit: busy while the call runs, the refusal's message when it fails. The caller's
 * promise rejects with an Error already in words (the list page turns the API's refusal into one).
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = useCallback((call: Promise<unknown>, onDone: () => void) => {
    setBusy(true);
    setError(null);
    call.then(
      () => {
        setBusy(false);
        onDone();
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure instanceof Error ? failure.message : 'not saved');
      },
    );
  }, []);
  return { busy, error, submit };
}
