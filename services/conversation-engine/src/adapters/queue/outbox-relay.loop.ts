import type { Logger } from '@app/logging';
import type { OutboxRow } from '../../db/repositories/outbox.repository';
import {
  queueTakenRows,
  readyWaitingOutbox,
  relayReadyOutbox,
  requeueStaleOutbox,
  type RelayDeps,
} from '../../use-cases/outbox/relay-ready-outbox';

export interface OutboxRelay {
  /** Relay now (after a commit that wrote outbox rows); cheap to call often, runs never overlap. */
  kick(): void;
  /**
   * Queues rows a transaction marked relayed itself (after its commit). Never throws: rows it could not queue
   * are given back and the relay is kicked to take them again.
   */
  queueTaken(rows: readonly OutboxRow[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the relay after each kick, and on a timer as a safety net (rows written by another replica, a relay
 * that failed while Redis was down, rows whose turn came with no completion to ready them). Stale relayed
 * rows are re-queued on a slower timer.
 */
export function startOutboxRelay(relayDeps: RelayDeps, log: Logger, opts: { intervalMs: number; staleAfterMs: number }): OutboxRelay {
  // Unreadable rows are parked with a log line of their own (use-cases/outbox/park-unreadable-outbox.ts).
  const deps: RelayDeps = { ...relayDeps, log: relayDeps.log ?? log };
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let lastStaleCheck = 0;
  let sweepDue = true;

  const runOnce = async () => {
    try {
      if (sweepDue) {
        sweepDue = false;
        const readied = await readyWaitingOutbox(deps);
        if (readied) log.debug({ readied }, 'waiting outbox rows readied');
      }
      const relayed = await relayReadyOutbox(deps);
      if (relayed) log.debug({ relayed }, 'outbox relayed');
      if (Date.now() - lastStaleCheck >= opts.staleAfterMs / 2) {
        lastStaleCheck = Date.now();
        const requeued = await requeueStaleOutbox(deps, opts.staleAfterMs);
        if (requeued) log.warn({ requeued }, 'stale outbox rows queued again');
      }
    } catch (error) {
      log.error({ err: error }, 'outbox relay failed; will retry');
    }
  };

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again && !stopped);
      running = undefined;
    })();
  };

  const timer = setInterval(() => {
    sweepDue = true;
    kick();
  }, opts.intervalMs);
  kick();
  return {
    kick,
    async queueTaken(rows) {
      try {
        const queued = await queueTakenRows(deps, rows);
        if (queued) log.debug({ queued }, 'outbox rows queued after their commit');
      } catch (error) {
        log.error({ err: error }, 'queueing after the commit failed; the relay takes them again');
        kick();
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
