import { useId, useState, type FormEvent } from 'react';
import { useSession } from '../session/session';
import { SaveStatus } from '../ui/save-status';
import { useSaveStatus } from '../ui/use-save-status';
import type { Agent } from './types';

/** One agent's capacity (most active chats at once, 0-50), saved on its own. */
export function CapacityForm({
  userId,
  label,
  capacity,
  onSaved,
}: {
  userId: string;
  label: string;
  capacity: number;
  onSaved(agent: Agent): void;
}) {
  const { api } = useSession();
  const [value, setValue] = useState(String(capacity));
  const { busy, message, save: run } = useSaveStatus();
  const id = useId();
  // A capacity changed elsewhere (another admin, a live update, this form's own answer) replaces what is shown.
  const [shownFor, setShownFor] = useState(capacity);
  if (shownFor !== capacity) {
    setShownFor(capacity);
    setValue(String(capacity));
  }

  const save = (event: FormEvent) => {
    event.preventDefault();
    run(api.setCapacity(userId, Number(value)), (answer) => onSaved(answer.agent));
  };

  return (
    <form className="inline-form" onSubmit={save}>
      <label htmlFor={id} className="visually-hidden">
        Capacity of {label}
      </label>
      <input
        id={id}
        type="number"
        min={0}
        max={50}
        step={1}
        required
        value={value}
        disabled={busy}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button" disabled={busy || value === String(capacity)}>
        Save
      </button>
      <SaveStatus message={message} />
    </form>
  );
}
