import { useId, useState } from 'react';
import { describeError } from '../api/api-error';
import { useSession, useUser } from '../session/session';
import { AVAILABILITY_LABEL, type Availability } from './types';
import { useAgents } from './use-agents';
import './assignment.css';

/**
 * The top bar's availability switch (two pressed/unpressed buttons, which fit a phone's top bar): available
 * (waiting chats are offered to you, up to your capacity) or away. Neither is pressed, offline, while admin-api has not yet reported this console to the engine (a few seconds
 * after opening it) or after signing out elsewhere; choosing either counts as being here.
 */
export function AvailabilityToggle() {
  const { api } = useSession();
  const me = useUser();
  const { items, replace } = useAgents();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const mine = items.find((agent) => agent.id === me.id);
  const effective: Availability = mine?.availability ?? 'offline';
  // The select shows the choice; offline is shown only while it is the actual state.
  const value = effective === 'offline' ? 'offline' : (mine?.chosen_availability ?? 'away');

  const choose = (next: Availability) => {
    setBusy(true);
    setError(null);
    api.setAvailability(next).then(
      (answer) => {
        replace(answer.agent);
        setBusy(false);
      },
      (failure: unknown) => {
        setError(describeError(failure));
        setBusy(false);
      },
    );
  };

  return (
    <span className={`availability availability-${effective}`} role="group" aria-labelledby={id}>
      <span id={id} className="visually-hidden">
        Your availability: {AVAILABILITY_LABEL[effective]}
      </span>
      <span className="availability-wide">
        <span className="availability-dot" aria-hidden="true" title={AVAILABILITY_LABEL[effective]} />
        {(['available', 'away'] as const).map((choice) => (
          <button
            key={choice}
            type="button"
            className="button availability-choice"
            aria-pressed={value === choice}
            disabled={busy}
            onClick={() => value !== choice && choose(choice)}
          >
            {AVAILABILITY_LABEL[choice]}
          </button>
        ))}
      </span>
      {/* A phone's top bar has room for one dot: pressed is available, else away. */}
      <button
        type="button"
        className="button availability-narrow"
        aria-pressed={value === 'available'}
        disabled={busy}
        title={`${AVAILABILITY_LABEL[effective]}: tap to be ${value === 'available' ? 'away' : 'available'}`}
        onClick={() => choose(value === 'available' ? 'away' : 'available')}
      >
        <span className="availability-dot" aria-hidden="true" />
        <span className="visually-hidden">{AVAILABILITY_LABEL.available}</span>
      </button>
      {error && (
        <span role="alert" className="visually-hidden">
          {error}
        </span>
      )}
    </span>
  );
}
