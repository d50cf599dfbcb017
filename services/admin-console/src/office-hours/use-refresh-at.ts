import { useEffect } from 'react';

/** setTimeout's longest delay; a change further away is picked up by a later re-read anyway. */
const MAX_DELAY_MS = 2_147_483_647;

/**
 * Calls `refresh` once when `at` (an ISO instant) comes: open/closed turns over at a known moment, so the
 * screen re-reads then instead of polling.
 */
export function useRefreshAt(at: string | null | undefined, refresh: () => void): void {
  useEffect(() => {
    if (!at) return;
    const delay = Date.parse(at) - Date.now() + 1_000;
    if (!Number.isFinite(delay) || delay > MAX_DELAY_MS) return;
    const timer = setTimeout(refresh, Math.max(delay, 1_000));
    return () => clearTimeout(timer);
  }, [at, refresh]);
}
