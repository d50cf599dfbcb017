import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/api-error';
import { useLiveEvent, useLiveStatus } from '../live/live-events';
import { useSession } from '../session/session';
import type { Agent } from './types';

export interface Agents {
  items: Agent[];
  error: string | null;
  /** One agent changed by the console itself (its answer), shown at once. */
  replace(agent: Agent): void;
}

/** A burst of chat changes is followed by one re-read of the team's load, this long after the first. */
const SETTLE_MS = 1_000;

/**
 * The team with availability and load, kept current by agent.updated events and re-read after a reconnect.
 * `followLoad`: also re-read (once per burst) when chats change, as a chat a student ends frees a seat
 * without an agent.updated event.
 */
export function useAgents({ followLoad = false }: { followLoad?: boolean } = {}): Agents {
  const { api } = useSession();
  const { generation } = useLiveStatus();
  const [items, setItems] = useState<Agent[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reread, setReread] = useState(0);
  const scheduled = useRef(false);

  useEffect(() => {
    let current = true;
    api.agents().then(
      (answer) => {
        if (!current) return;
        setItems(answer.items);
        setError(null);
      },
      (failure: unknown) => current && setError(describeError(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, generation, reread]);

  const replace = useCallback((agent: Agent) => {
    setItems((shown) =>
      shown.some((a) => a.id === agent.id)
        ? shown.map((a) => (a.id === agent.id ? agent : a))
        : [...shown, agent].sort((a, b) => a.name.localeCompare(b.name)),
    );
  }, []);

  useLiveEvent(({ name, data }) => {
    if (name === 'agent.updated' && data.agent) replace(data.agent);
    if (!followLoad || name !== 'conversation.updated' || scheduled.current) return;
    scheduled.current = true;
    setTimeout(() => {
      scheduled.current = false;
      setReread((n) => n + 1);
    }, SETTLE_MS);
  });

  return { items, error, replace };
}
