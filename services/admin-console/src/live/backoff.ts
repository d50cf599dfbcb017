/**
 * Delay before reconnection attempt `attempt` (0-based): exponential from `baseMs`, capped at `maxMs`, with
 * "full jitter" so that every console of a school does not reconnect in the same instant after a restart.
 */
export function backoffDelay(attempt: number, { baseMs = 500, maxMs = 30_000 } = {}, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
