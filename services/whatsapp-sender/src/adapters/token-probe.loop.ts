import type { Logger } from '@app/logging';

/**
 * Runs `probe` every `intervalMs` (one at a time, never overlapping), for the token check of a paused
 * queue. Each replica runs one; the use case decides whether this replica's turn does anything.
 */
export function startTokenProbeLoop(opts: { intervalMs: number; probe: () => Promise<unknown>; log: Logger }): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = opts
      .probe()
      .catch((error: unknown) => opts.log.warn({ err: error }, 'token probe could not run'))
      .finally(() => {
        running = undefined;
      });
  }, opts.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
