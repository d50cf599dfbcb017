import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '@app/logging';
import type { Disposition } from '@app/messaging';

export interface EngineMetrics {
  /** A JetStream message settled (acked, or terminated as unprocessable), by stream. */
  settled(stream: string, disposition: Disposition['kind']): void;
  /** A handler failed transiently (Postgres down, say) and its message is held for another try. */
  retried(stream: string, reason: string): void;
  /** An inbound event handled: processed or applied, or a redelivery found already done (duplicate). */
  inboundHandled(kind: 'message' | 'status' | 'echo', outcome: string): void;
  /** An event given up on and parked for admins, by source (inbound, delivery, outbox). */
  parked(source: string): void;
}

export interface EngineStateReaders {
  supportStats(): Promise<{ waiting_chats: number; active_chats: number; oldest_waiting_since: string | null }>;
  openOutbox(): Promise<{ unrelayed: number; awaitingOutcome: number; oldest: Date | null }>;
  now(): Date;
}

/**
 * The engine's counters, and gauges read from Postgres at each scrape. The gauges describe the whole
 * deployment (every replica reports the same figure: aggregate them with max, not sum); a scrape while
 * Postgres is unreachable keeps the last values (readiness reports the outage).
 */
export function createEngineMetrics(registry: Registry, state: EngineStateReaders, log: Logger): EngineMetrics {
  const settled = new Counter({
    name: 'engine_messages_settled_total',
    help: 'JetStream messages settled by this replica, by stream and disposition (ack, term: unprocessable)',
    labelNames: ['stream', 'disposition'] as const,
    registers: [registry],
  });
  const retries = new Counter({
    name: 'engine_handler_retries_total',
    help: 'Transient handler failures; the message is held (its student waits) and tried again',
    labelNames: ['stream', 'reason'] as const,
    registers: [registry],
  });
  const inbound = new Counter({
    name: 'engine_inbound_events_total',
    help: 'Inbound messages and statuses handled, by outcome (duplicate: a redelivery already processed)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const parked = new Counter({
    name: 'engine_parked_events_total',
    help: 'Events given up on (retries spent, unreadable or invalid) and parked for admins, by source',
    labelNames: ['source'] as const,
    registers: [registry],
  });

  // Two gauges come from each query; a scrape collects them side by side, so they share the query in flight.
  const shared = <T>(reader: () => Promise<T>) => {
    let inFlight: Promise<T> | undefined;
    return () =>
      (inFlight ??= reader().finally(() => {
        inFlight = undefined;
      }));
  };
  const supportStats = shared(state.supportStats);
  const openOutbox = shared(state.openOutbox);
  const read = async <T>(what: string, reader: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await reader();
    } catch (error) {
      log.warn({ err: error, gauge: what }, 'metrics: could not read state; keeping the last values');
      return undefined;
    }
  };
  new Gauge({
    name: 'engine_support_chats',
    help: 'Support chats now, by status (waiting for an admin, active)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const stats = await read('engine_support_chats', supportStats);
      if (!stats) return;
      this.set({ status: 'waiting' }, stats.waiting_chats);
      this.set({ status: 'active' }, stats.active_chats);
    },
  });
  new Gauge({
    name: 'engine_support_oldest_waiting_seconds',
    help: 'How long the student first in line has waited for an admin (0 when nobody waits)',
    registers: [registry],
    async collect() {
      const stats = await read('engine_support_oldest_waiting_seconds', supportStats);
      if (!stats) return;
      const since = stats.oldest_waiting_since;
      this.set(since === null ? 0 : Math.max(0, (state.now().getTime() - Date.parse(since)) / 1000));
    },
  });
  new Gauge({
    name: 'engine_outbox_open',
    help: 'Outbox rows without an outcome: unrelayed (not yet on BullMQ) and relayed (queued, awaiting the sender)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const open = await read('engine_outbox_open', openOutbox);
      if (!open) return;
      this.set({ state: 'unrelayed' }, open.unrelayed);
      this.set({ state: 'relayed' }, open.awaitingOutcome);
    },
  });
  new Gauge({
    name: 'engine_outbox_oldest_open_seconds',
    help: 'Age of the oldest outbox row without an outcome (0 when none): grows when the relay or the sender is stuck',
    registers: [registry],
    async collect() {
      const open = await read('engine_outbox_oldest_open_seconds', openOutbox);
      if (!open) return;
      this.set(open.oldest === null ? 0 : Math.max(0, (state.now().getTime() - open.oldest.getTime()) / 1000));
    },
  });

  return {
    settled: (stream, disposition) => settled.inc({ stream, disposition }),
    retried: (stream, reason) => retries.inc({ stream, reason }),
    inboundHandled: (kind, outcome) => inbound.inc({ kind, outcome }),
    parked: (source) => parked.inc({ source }),
  };
}
