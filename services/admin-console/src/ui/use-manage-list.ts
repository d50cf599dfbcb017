import { useState } from 'react';
import { describeError } from '../api/api-error';

/**
 * An admin list of the team's items (labels, canned replies): which one is being edited, which delete awaits
 * its confirmation, and the saves and deletes that reload the list when they succeed.
 */
export function useManageList(reload: () => void) {
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The form shows the API's refusal (name_taken, shortcut_taken...) in words.
  const saved = <T>(call: Promise<T>) =>
    call.then(
      (answer) => {
        setEditing(null);
        reload();
        return answer;
      },
      (cause: unknown) => {
        throw new Error(describeError(cause));
      },
    );
  const remove = (call: Promise<unknown>) => {
    setFailure(null);
    call.then(
      () => {
        setConfirming(null);
        reload();
      },
      (cause: unknown) => setFailure(describeError(cause)),
    );
  };
  return { editing, setEditing, confirming, setConfirming, failure, saved, remove };
}
