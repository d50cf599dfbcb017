import type { Logger } from '@app/logging';

export interface SupportSweep {
  stop(): Promise<void>;
}

/** Runs the support sweep every `intervalMs` (never two at once in one process); a failed run is logged and the next one tries again. */
export function startSupportSweep(run: () => Promise<{ ended: number; told: number; keysForgotten: number }>, log: Logger, intervalMs: number): SupportSweep {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = run()
      .then((result) => {
        if (result.ended || result.told || result.keysForgotten) log.info(result, 'support sweep done');
      })
      .catch((error: unknown) => log.error({ err: error }, 'support sweep failed; will retry'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
