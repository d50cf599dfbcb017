import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`: a clock for rules that depend on time (the 24-hour window). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
