import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@app/logging';
import { createEngineMetrics } from './metrics';

const log = createLogger({ service: 'test', level: 'silent' });
const NOW = new Date('2026-11-21T10:00:00Z');

async function values(registry: Registry, name: string) {
  const metric = await registry.getSingleMetric(name)?.get();
  return Object.fromEntries((metric?.values ?? []).map((v) => [JSON.stringify(v.labels), v.value]));
}

describe('engine metrics', () => {
  it('reads the support line and the open outbox at each scrape, with ages from the engine clock', async () => {
    const registry = new Registry();
    createEngineMetrics(
      registry,
      {
        supportStats: () => Promise.resolve({ waiting_chats: 2, active_chats: 1, oldest_waiting_since: '2026-11-21T09:58:30Z' }),
        openOutbox: () => Promise.resolve({ unrelayed: 3, awaitingOutcome: 4, oldest: new Date('2026-11-21T09:59:00Z') }),
        now: () => NOW,
      },
      log,
    );
    expect(await values(registry, 'engine_support_chats')).toEqual({ '{"status":"waiting"}': 2, '{"status":"active"}': 1 });
    expect(await values(registry, 'engine_support_oldest_waiting_seconds')).toEqual({ '{}': 90 });
    expect(await values(registry, 'engine_outbox_open')).toEqual({ '{"state":"unrelayed"}': 3, '{"state":"relayed"}': 4 });
    expect(await values(registry, 'engine_outbox_oldest_open_seconds')).toEqual({ '{}': 60 });
  });

  it('asks Postgres once per scrape for the gauges that share a query', async () => {
    const registry = new Registry();
    const calls = { support: 0, outbox: 0 };
    createEngineMetrics(
      registry,
      {
        supportStats: () => (calls.support++, Promise.resolve({ waiting_chats: 0, active_chats: 0, oldest_waiting_since: null })),
        openOutbox: () => (calls.outbox++, Promise.resolve({ unrelayed: 0, awaitingOutcome: 0, oldest: null })),
        now: () => NOW,
      },
      log,
    );
    await registry.metrics();
    expect(calls).toEqual({ support: 1, outbox: 1 });
    await registry.metrics();
    expect(calls).toEqual({ support: 2, outbox: 2 });
  });

  it('keeps the last values when Postgres cannot be read, and scrapes without failing', async () => {
    const registry = new Registry();
    let up = true;
    createEngineMetrics(
      registry,
      {
        supportStats: () =>
          up ? Promise.resolve({ waiting_chats: 5, active_chats: 0, oldest_waiting_since: null }) : Promise.reject(new Error('down')),
        openOutbox: () => (up ? Promise.resolve({ unrelayed: 0, awaitingOutcome: 0, oldest: null }) : Promise.reject(new Error('down'))),
        now: () => NOW,
      },
      log,
    );
    await registry.metrics();
    up = false;
    expect(await registry.metrics()).toContain('engine_support_chats{status="waiting"} 5');
    expect(await values(registry, 'engine_support_oldest_waiting_seconds')).toEqual({ '{}': 0 });
  });

  it('counts settled messages, retries and inbound outcomes', async () => {
    const registry = new Registry();
    const metrics = createEngineMetrics(
      registry,
      { supportStats: () => Promise.reject(new Error('unused')), openOutbox: () => Promise.reject(new Error('unused')), now: () => NOW },
      log,
    );
    metrics.settled('inbound', 'ack');
    metrics.settled('inbound', 'ack');
    metrics.retried('delivery', 'handler_error');
    metrics.inboundHandled('message', 'duplicate');
    expect(await values(registry, 'engine_messages_settled_total')).toEqual({ '{"stream":"inbound","disposition":"ack"}': 2 });
    expect(await values(registry, 'engine_handler_retries_total')).toEqual({ '{"stream":"delivery","reason":"handler_error"}': 1 });
    expect(await values(registry, 'engine_inbound_events_total')).toEqual({ '{"kind":"message","outcome":"duplicate"}': 1 });
  });
});
