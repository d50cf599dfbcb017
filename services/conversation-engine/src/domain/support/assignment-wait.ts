/**
 * The expected wait told to a student in line: the median wait of the chats claimed in the last
 * RECENT_WINDOW_MS, times their place, shared by the agents available now (at least one). Without enough
 * recent chats there is no honest figure, and nothing is said.
 */
export const RECENT_WINDOW_MS = 3 * 3600_000;
const MIN_RECENT_CHATS = 3;

export function expectedWaitSeconds(
  recent: { medianWaitSeconds: number | null; chats: number },
  position: number,
  availableAgents: number,
): number | null {
  if (recent.medianWaitSeconds === null || recent.chats < MIN_RECENT_CHATS) return null;
  return (recent.medianWaitSeconds * position) / Math.max(1, availableAgents);
}

/** "about 5 minutes", "less than a minute", "about 2 hours". */
export function describeWait(seconds: number): string {
  if (seconds < 60) return 'less than a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? 'about 1 minute' : `about ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? 'about 1 hour' : `about ${hours} hours`;
}
