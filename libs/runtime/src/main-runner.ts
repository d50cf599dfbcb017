import { ConfigError } from '@app/config';
import { createLogger, type Logger } from '@app/logging';
import { onTerminationSignal } from './shutdown';

export interface RunningService {
  /** Stops intake, finishes in-flight work, closes clients. Resolves true when everything closed cleanly. */
  stop(): Promise<boolean>;
}

/**
 * The shared tail of every main.ts: start the service, stop it on SIGTERM/SIGINT, exit 0 after a clean
 * stop and 1 otherwise. Configuration errors are printed as one list and exit 1 before anything starts.
 */
export async function runService(
  service: string,
  level: string | undefined,
  start: (log: Logger) => Promise<RunningService>,
): Promise<void> {
  // The level is validated with the rest of the config later; a bad one must not crash before that.
  const known = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  const log = createLogger({ service, level: level && known.includes(level) ? level : 'info' });
  let running: RunningService;
  try {
    running = await start(log);
  } catch (error) {
    if (error instanceof ConfigError) log.fatal({ problems: error.problems }, 'invalid configuration');
    else log.fatal({ err: error }, 'failed to start');
    process.exitCode = 1;
    return;
  }
  onTerminationSignal(async (signal) => {
    log.info({ signal }, 'stopping');
    const clean = await running.stop();
    log.info({ clean }, 'stopped');
    process.exit(clean ? 0 : 1);
  });
}
