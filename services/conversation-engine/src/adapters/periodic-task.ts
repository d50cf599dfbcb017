import type { Logger } from '@app/logging';

export interface PeriodicTask {
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs`, the first time `firstAfterMs` after start (default: one interval), never two
 * at once in one process. A run that did something (any non-zero count in its result) is logged as done; a
 * failed run is logged and the next one tries again. The timers are unref'd: they never keep a process alive.
 */
export function startPeriodicTask(
  name: string,
  run: () => Promise<Record<string, number>>,
  log: Logger,
  opts: { intervalMs: number; firstAfterMs?: number },
): PeriodicTask {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = run()
      .then((result) => {
        if (Object.values(result).some((n) => n > 0)) log.info({ task: name, ...result }, `${name} done`);
      })
      .catch((error: unknown) => log.error({ err: error, task: name }, `${name} failed; will retry`))
      .finally(() => {
        running = undefined;
      });
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, opts.intervalMs).unref();
  }, opts.firstAfterMs ?? opts.intervalMs).unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(interval);
      await running;
    },
  };
}
