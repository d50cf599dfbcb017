/**
 * Runs submitted items together: whenever fewer than `concurrency` runs are going, everything waiting so far
 * goes into one run. Under load items wait briefly and runs grow; when idle an item runs at once, alone. Each
 * submitter gets its own item's result, or the run's error. An item submitted `alone` gets a run of its own
 * (a retry that must not take others down with it), still within the bound.
 */
export function createCoalescer<I, O>(opts: { concurrency: number; run: (items: I[]) => Promise<O[]> }) {
  type Waiting = { item: I; alone: boolean; resolve: (value: O) => void; reject: (error: unknown) => void };
  const waiting: Waiting[] = [];
  let active = 0;

  const next = () => {
    while (active < opts.concurrency && waiting.length > 0) {
      const aloneAt = waiting.findIndex((w) => w.alone);
      const taken = aloneAt === 0 ? waiting.splice(0, 1) : waiting.splice(0, aloneAt === -1 ? waiting.length : aloneAt);
      active++;
      void opts
        .run(taken.map((w) => w.item))
        .then(
          (results) =>
            taken.forEach((w, i) => (i < results.length ? w.resolve(results[i] as O) : w.reject(new Error('no result for this item')))),
          (error: unknown) => taken.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          active--;
          next();
        });
    }
  };

  return {
    submit(item: I, options: { alone?: boolean } = {}): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ item, alone: options.alone === true, resolve, reject });
        next();
      });
    },
  };
}
