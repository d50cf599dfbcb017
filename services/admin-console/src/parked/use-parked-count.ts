import { useEffect, useState } from 'react';
import { useSession } from '../session/session';

const PAGE = 100;

/**
 * How many events wait for an admin's decision, for the nav: one page of at most 100, read again whenever
 * `refreshKey` changes (the screen), so it is cheap and never stale for long. null until known or for agents.
 */
export function useParkedCount(enabled: boolean, refreshKey: string): string | null {
  const { api } = useSession();
  const [count, setCount] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    api.listParkedEvents('parked', undefined, PAGE).then(
      (page) => current && setCount(page.next_cursor ? `${page.items.length}+` : page.items.length ? String(page.items.length) : null),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, enabled, refreshKey]);
  return enabled ? count : null;
}
