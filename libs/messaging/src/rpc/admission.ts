export interface RpcLimits {
  /** Requests handled at once. Default: no limit. */
  concurrency?: number;
  /** Requests waiting for a turn; more are answered busy at once. Default 4 × concurrency. */
  maxQueued?: number;
  /** A request that waited longer is answered busy instead of handled. Default 2 s (admin-api waits 5 s). */
  maxQueueWaitMs?: number;
}

export type BusyReason = 'queue_full' | 'waited_too_long';

export interface Admission<T> {
  admit(item: T): void;
  /** Resolves once nothing is running or waiting (each one finishing starts the next). */
  idle(): Promise<void>;
  readonly inFlight: number;
  readonly queued: number;
}

/**
 * At most `concurrency` items run at once; a few more wait their turn in arrival order; beyond that, or after
 * waiting `maxQueueWaitMs` (the caller has likely stopped waiting by then), an item is turned away through
 * `busy` without being run. `run` must not reject.
 */
export function createAdmission<T>(
  limits: RpcLimits,
  run: (item: T) => Promise<void>,
  busy: (item: T, why: BusyReason) => void,
  now: () => number = Date.now,
): Admission<T> {
  const { concurrency = Infinity, maxQueueWaitMs = 2_000 } = limits;
  const maxQueued = limits.maxQueued ?? 4 * concurrency;
  const inFlight = new Set<Promise<void>>();
  const waiting: { item: T; queuedAt: number }[] = [];

  function start(item: T) {
    const work: Promise<void> = run(item).finally(() => {
      inFlight.delete(work);
      next();
    });
    inFlight.add(work);
  }

  function next() {
    while (inFlight.size < concurrency) {
      const turn = waiting.shift();
      if (!turn) return;
      if (now() - turn.queuedAt > maxQueueWaitMs) busy(turn.item, 'waited_too_long');
      else start(turn.item);
    }
  }

  return {
    admit(item) {
      if (inFlight.size < concurrency && waiting.length === 0) return start(item);
      if (waiting.length >= maxQueued) return busy(item, 'queue_full');
      waiting.push({ item, queuedAt: now() });
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    get inFlight() {
      return inFlight.size;
    },
    get queued() {
      return waiting.length;
    },
  };
}
