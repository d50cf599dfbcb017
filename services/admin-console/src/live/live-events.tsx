import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LiveEvent } from '../api/types';
import { useSession } from '../session/session';
import { connectLiveStream, type EventSourceLike, type LiveStatus } from './event-stream';

type Listener = (event: LiveEvent) => void;

interface LiveEvents {
  status: LiveStatus;
  /** Grows each time the stream reopens after a break: screens re-read what they show when it changes. */
  generation: number;
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<LiveEvents | null>(null);

function useLive(): LiveEvents {
  const value = useContext(LiveContext);
  if (!value) throw new Error('live events used outside LiveEventsProvider');
  return value;
}

/** Calls `handler` for every live event while the component is mounted (always its latest version). */
export function useLiveEvent(handler: Listener): void {
  const { subscribe } = useLive();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}

/** The reconnect generation and the connection status (for the "live" indicator). */
export function useLiveStatus(): { status: LiveStatus; generation: number } {
  const { status, generation } = useLive();
  return { status, generation };
}

interface Props {
  children: ReactNode;
  openSource?: (url: string) => EventSourceLike;
}

const openEventSource = (url: string): EventSourceLike => new EventSource(url);

export function LiveEventsProvider({ children, openSource = openEventSource }: Props) {
  const { api } = useSession();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [generation, setGeneration] = useState(0);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    const stream = connectLiveStream({
      ticket: async () => (await api.eventsTicket()).ticket,
      open: openSource,
      onEvent: (event) => {
        for (const listener of listeners.current) listener(event);
      },
      onOpen: (reconnected) => {
        if (reconnected) setGeneration((g) => g + 1);
      },
      onStatus: setStatus,
    });
    return () => stream.close();
  }, [api, openSource]);

  const value = useMemo<LiveEvents>(
    () => ({
      status,
      generation,
      subscribe(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [status, generation],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
