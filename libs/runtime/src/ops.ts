import express, { type Router } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';

export interface ReadinessCheck {
  /** What is down when this fails: 'postgres', 'nats', 'redis'. */
  name: string;
  check: () => Promise<void>;
}

export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

async function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** GET /healthz (alive), /readyz (every dependency answers, else 503 naming the ones down), /metrics. */
export function opsRouter(opts: { checks: ReadinessCheck[]; registry: Registry; isShuttingDown?: () => boolean }): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      opts.checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), 2_000);
          return { name, ok: true as const };
        } catch (error) {
          return { name, ok: false as const, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    const down = results.filter((r) => !r.ok).map((r) => r.name);
    if (opts.isShuttingDown?.()) down.push('shutting_down');
    const checks = Object.fromEntries(results.map((r) => [r.name, r.ok ? 'up' : 'down']));
    res.status(down.length ? 503 : 200).json({ status: down.length ? 'unavailable' : 'ready', down, checks });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(opts.registry.contentType).send(await opts.registry.metrics());
  });
  return router;
}
