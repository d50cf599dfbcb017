import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { describeError } from '../api/api-error';
import type { Stats } from '../api/types';
import { useLiveEvent, useLiveStatus } from '../live/live-events';
import { useSession } from '../session/session';

interface StatsValue {
  stats: Stats | null;
  error: string | null;
}

const StatsContext = createContext<StatsValue>({ stats: null, error: null });

export const useStats = (): StatsValue => useContext(StatsContext);

/** Conversation events within this window share one re-read of the figures. */
const SETTLE_MS = 250;

/**
 * The dashboard figures, for the dashboard and the waiting banner. Re-read when a conversation changes
 * (a live event says so; no timer polls) and when the live stream reopens. A busy stream re-reads at most
 * once per window, and never waits for a quiet moment that may not come.
 */
export function StatsProvider({ children }: { children: ReactNode }) {
  const { api } = useSession();
  const { generation } = useLiveStatus();
  const [value, setValue] = useState<StatsValue>({ stats: null, error: null });
  const latest = useRef(0);
  const scheduled = useRef(false);

  const refresh = useCallback(() => {
    const id = ++latest.current;
    api.stats().then(
      (stats) => id === latest.current && setValue({ stats, error: null }),
      (failure: unknown) => id === latest.current && setValue((v) => ({ ...v, error: describeError(failure) })),
    );
  }, [api]);

  useEffect(refresh, [refresh, generation]);

  useLiveEvent((event) => {
    if (event.name !== 'conversation.updated' || scheduled.current) return;
    scheduled.current = true;
    setTimeout(() => {
      scheduled.current = false;
      refresh();
    }, SETTLE_MS);
  });

  return <StatsContext.Provider value={value}>{children}</StatsContext.Provider>;
}
