import type { Logger } from '@app/logging';

export type ShutdownStep = { name: string; run: () => Promise<unknown> | unknown };

/**
 * Runs shutdown steps in order (register them in start order; they run reversed), each even if an earlier
 * one failed, and gives up at the deadline so the process always exits inside Kubernetes' grace period.
 */
export async function shutdown(steps: ShutdownStep[], log: Logger, deadlineMs = 9_000): Promise<boolean> {
  const work = (async () => {
    let clean = true;
    for (const step of [...steps].reverse()) {
      try {
        await step.run();
      } catch (error) {
        clean = false;
        log.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    return clean;
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      log.error({ deadlineMs }, 'shutdown deadline reached');
      resolve(false);
    }, deadlineMs);
    timer.unref();
  });
  const clean = await Promise.race([work, deadline]);
  clearTimeout(timer);
  return clean;
}

/** Wires SIGTERM/SIGINT to `stop` once; a second signal while stopping is ignored. */
export function onTerminationSignal(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop(signal);
    });
  }
}
