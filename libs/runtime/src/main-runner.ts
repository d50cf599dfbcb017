import { ConfigError } from '@app/config';
import { createLogger, type Logger } from '@app/logging';
import { BOOT_CLOSE_DEADLINE_MS, createLifecycle, type Lifecycle } from './lifecycle';
import { onTerminationSignal } from './shutdown';

export interface RunningService {
  /** Stops intake, finishes in-flight work, closes clients. Resolves true when everything closed cleanly. */
  stop(): Promise<boolean>;
}

/**
 * Ends the process however many handles are still open (a Redis client retrying, a NATS reconnect loop):
 * a service that failed or stopped must not linger headless. pino writes stdout synchronously, so every
 * line logged before this is out.
 */
function exitProcess(code: number): never {
  process.exit(code);
}

/**
 * The shared tail of every main.ts. `start` registers each resource with the lifecycle as it opens. A boot
 * that fails (bad config, a dependency down, the port taken) logs one fatal line naming why, closes what had
 * opened (bounded) and exits 1. SIGTERM/SIGINT, at any time, drain then close: exit 0 after a clean stop,
 * 1 otherwise, within the contract's 10 s.
 */
export async function runService(
  service: string,
  level: string | undefined,
  start: (log: Logger, lifecycle: Lifecycle) => Promise<RunningService>,
): Promise<void> {
  // The level is validated with the rest of the config later; a bad one must not crash before that.
  const known = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  const log = createLogger({ service, level: level && known.includes(level) ? level : 'info' });
  const lifecycle = createLifecycle(log);
  let signalled = false;
  // Installed before the boot: a signal while connecting closes what opened so far, not the default death.
  onTerminationSignal(async (signal) => {
    signalled = true;
    log.info({ signal }, 'stopping');
    const clean = await lifecycle.stop();
    log.info({ clean }, 'stopped');
    exitProcess(clean ? 0 : 1);
  });
  try {
    await start(log, lifecycle);
  } catch (error) {
    // A boot cut short by a signal fails as a matter of course; that stop decides the exit.
    if (signalled) return;
    if (error instanceof ConfigError) log.fatal({ problems: error.problems }, 'invalid configuration');
    else log.fatal({ err: error }, 'failed to start');
    await lifecycle.close(BOOT_CLOSE_DEADLINE_MS);
    exitProcess(1);
  }
}
