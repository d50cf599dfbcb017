import type { Logger } from '@app/logging';
import { shutdown, type ShutdownStep } from './shutdown';

/**
 * Drain plus close after SIGTERM. The contract says "exits 0 within 10 s" (Kubernetes' default grace period
 * before SIGKILL); the last second is the process's own exit and whatever the caller logs around it.
 */
export const STOP_BUDGET_MS = 9_000;

/** What a failed boot may spend closing what it opened before the process exits anyway. */
export const BOOT_CLOSE_DEADLINE_MS = 5_000;

/** Its methods are closures, not `this`-bound: pass `lifecycle.stop` or `lifecycle.isShuttingDown` as is. */
export interface Lifecycle {
  /**
   * Registers how to close a resource, right after it opened: a boot that fails half-way then closes exactly
   * what opened. Steps run last registered first, so register in start order (clients, then consumers, then
   * the listener) and a stop takes intake away before the clients the in-flight work still needs. A resource
   * opened after the close began (a signal during boot) is closed at once.
   */
  onClose(name: string, close: () => unknown): void;
  /** Runs as the drain begins (before any close step): e.g. answering `Connection: close` from then on. */
  onDrain(begin: () => void): void;
  /** How long stop() keeps serving with readiness down before it closes (the service's SHUTDOWN_DRAIN_MS). */
  setDrainMs(ms: number): void;
  /** True from the start of a stop (or of a failed boot's close): /readyz answers 503 "shutting_down". */
  isShuttingDown(): boolean;
  /** Runs a service's start; if it throws, closes what it had opened (bounded), then rethrows. */
  boot<T>(start: () => Promise<T>): Promise<T>;
  /** Drain, then close every step under the rest of STOP_BUDGET_MS. True when all closed cleanly. Idempotent. */
  stop(): Promise<boolean>;
  /** Closes every step now, without a drain. Idempotent: a later call gets the first call's outcome. */
  close(deadlineMs?: number): Promise<boolean>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One service's resources and their order of closing, shared by its start function (which registers them)
 * and runService (which closes them on a failed boot or a signal). Tests get one from the start function's
 * default and close it with the service's stop().
 */
export function createLifecycle(log: Logger): Lifecycle {
  const steps: ShutdownStep[] = [];
  const drains: (() => void)[] = [];
  let drainMs = 0;
  let shuttingDown = false;
  let closing: Promise<boolean> | undefined;
  let stopping: Promise<boolean> | undefined;

  const close = (deadlineMs = STOP_BUDGET_MS) => {
    shuttingDown = true;
    return (closing ??= shutdown(steps, log, deadlineMs));
  };

  const beginDrain = () => {
    shuttingDown = true;
    for (const begin of drains.splice(0)) {
      try {
        begin();
      } catch (error) {
        log.error({ err: error }, 'drain hook failed');
      }
    }
  };

  return {
    onClose(name, run) {
      if (!closing) {
        steps.push({ name, run });
        return;
      }
      // Nobody else will ever close it: the step list was already taken.
      void Promise.resolve()
        .then(run)
        .catch((error: unknown) => log.error({ err: error, step: name }, 'shutdown step failed'));
    },
    onDrain(begin) {
      drains.push(begin);
    },
    setDrainMs(ms) {
      drainMs = Math.max(0, Math.min(ms, STOP_BUDGET_MS - 1_000));
    },
    isShuttingDown: () => shuttingDown,
    async boot(start) {
      try {
        return await start();
      } catch (error) {
        log.warn({ opened: steps.map((s) => s.name) }, 'start failed; closing what opened');
        beginDrain();
        await close(BOOT_CLOSE_DEADLINE_MS);
        throw error;
      }
    },
    stop() {
      return (stopping ??= (async () => {
        beginDrain();
        if (drainMs > 0 && !closing) {
          log.info({ drainMs }, 'draining: not ready, still serving');
          await sleep(drainMs);
        }
        return close(STOP_BUDGET_MS - drainMs);
      })());
    },
    close,
  };
}

/** What closeRedis needs of an ioredis client. */
export interface ClosableRedis {
  status: string;
  quit(): Promise<unknown>;
  disconnect(): void;
}

/**
 * quit() sends QUIT and waits for its answer, which a Redis that is down (or never answered) never gives:
 * with `maxRetriesPerRequest: null` the command would wait for ever. Then the socket is just dropped.
 */
export async function closeRedis(redis: ClosableRedis): Promise<void> {
  if (redis.status === 'ready') await redis.quit();
  else redis.disconnect();
}
