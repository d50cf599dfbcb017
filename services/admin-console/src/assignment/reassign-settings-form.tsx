import { useEffect, useId, useState, type FormEvent } from 'react';
import { useSession } from '../session/session';
import { SaveStatus } from '../ui/save-status';
import { useSaveStatus } from '../ui/use-save-status';
import { SUGGESTED_REASSIGN_MINUTES } from './types';

/**
 * Auto-reassign: a chat whose student has waited this many minutes for an answer from its assignee goes to
 * the next available agent with room, else back to the queue. Off until an admin turns it on.
 */
export function ReassignSettingsForm() {
  const { api } = useSession();
  const [on, setOn] = useState(false);
  const [minutes, setMinutes] = useState(String(SUGGESTED_REASSIGN_MINUTES));
  const [loaded, setLoaded] = useState(false);
  const { busy, message, save: run, fail } = useSaveStatus();
  const checkboxId = useId();
  const minutesId = useId();

  useEffect(() => {
    let current = true;
    api.assignmentSettings().then(
      (settings) => {
        if (!current) return;
        const seconds = settings.auto_reassign_after_seconds;
        setOn(seconds > 0);
        if (seconds > 0) setMinutes(String(Math.max(1, Math.round(seconds / 60))));
        setLoaded(true);
      },
      (failure: unknown) => current && fail(failure),
    );
    return () => {
      current = false;
    };
  }, [api, fail]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    run(api.setAssignmentSettings({ auto_reassign_after_seconds: on ? Number(minutes) * 60 : 0 }));
  };

  return (
    <form className="inline-form reassign-settings" onSubmit={save} aria-label="Auto-reassign">
      <input id={checkboxId} type="checkbox" checked={on} disabled={!loaded || busy} onChange={(event) => setOn(event.target.checked)} />
      <label htmlFor={checkboxId}>Reassign a chat whose student has waited for an answer for</label>
      <label htmlFor={minutesId} className="visually-hidden">
        Minutes before a chat is reassigned
      </label>
      <input
        id={minutesId}
        type="number"
        min={1}
        max={1440}
        step={1}
        required
        value={minutes}
        disabled={!loaded || busy || !on}
        onChange={(event) => setMinutes(event.target.value)}
      />
      <span>minutes</span>
      <button type="submit" className="button" disabled={!loaded || busy}>
        Save
      </button>
      <SaveStatus message={message} />
    </form>
  );
}
