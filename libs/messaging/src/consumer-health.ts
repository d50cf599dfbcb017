/** The shape of @app/runtime's ReadinessCheck; this lib stays below the runtime and does not import it. */
export interface ReadinessProbe {
  name: string;
  check: () => Promise<void>;
}

/**
 * What a service's consuming loops know about their consumers, for /readyz: a loop whose consumer (or its
 * stream) the server no longer knows reports it lost until it is re-created. Such a replica consumes nothing
 * while its NATS connection is fine, so the 'nats' check alone would call it ready. (NATS not answering at
 * all is that check's to report, not this one's.)
 */
export interface ConsumerHealth {
  lost(consumer: string): void;
  /** Consuming again, or the loop stopped (its consumer is no longer this replica's business). */
  restored(consumer: string): void;
  /** The consumers lost right now, as `stream/durable`, sorted. */
  missing(): string[];
  readiness(name?: string): ReadinessProbe;
}

export function createConsumerHealth(): ConsumerHealth {
  const lost = new Set<string>();
  const missing = () => [...lost].sort();
  return {
    lost: (consumer) => void lost.add(consumer),
    restored: (consumer) => void lost.delete(consumer),
    missing,
    readiness: (name = 'nats_consumers') => ({
      name,
      check: async () => {
        if (lost.size > 0) throw new Error(`consumers missing: ${missing().join(', ')}`);
      },
    }),
  };
}

/** Pause before the next try to re-create something lost: doubling from a quarter second, never above 5 s. */
export function recoveryBackoffMs(attempt: number): number {
  return Math.min(5_000, 250 * 2 ** Math.min(attempt, 5));
}
