/**
 * When a waiting student hears their new place in line. They are told their place when they join; after
 * that only an improvement is worth a message, and not more than one a minute, except reaching the front
 * (number 1), which is always said. An improvement held back by the minute is said by the engine's periodic
 * sweep once the minute has passed, so the student never waits on a stale number for long.
 */
export const QUEUE_NOTICE_INTERVAL_MS = 60_000;

export interface PositionTold {
  position: number | null;
  at: Date | null;
}

export function shouldTellQueuePosition(told: PositionTold, current: number, now: Date): boolean {
  if (told.position === null || told.at === null) return true;
  if (current >= told.position) return false;
  if (current === 1) return true;
  return now.getTime() - told.at.getTime() >= QUEUE_NOTICE_INTERVAL_MS;
}
