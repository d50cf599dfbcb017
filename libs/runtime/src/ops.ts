import express, { type Router } from 'express';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

export interface ReadinessCheck {
  /** What is down when this fails: 'postgres', 'nats', 'redis'. */
  name: string;
  check: () => Promise<void>;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  error?: string;
}

/** How long one check may take before it counts as down, on /readyz and in `dependency_up` alike. */
const CHECK_TIMEOUT_MS = 2_000;

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

/**
 * Runs every check, each bounded in time. A run in flight is shared: a readiness probe and a scrape arriving
 * together cost one round trip per dependency, and both report the same answer.
 */
export function readinessRunner(checks: ReadinessCheck[], timeoutMs = CHECK_TIMEOUT_MS): () => Promise<CheckResult[]> {
  let inFlight: Promise<CheckResult[]> | undefined;
  const run = () =>
    Promise.all(
      checks.map(async ({ name, check }): Promise<CheckResult> => {
        try {
          await withTimeout(check(), timeoutMs);
          return { name, ok: true };
        } catch (error) {
          return { name, ok: false, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  return () =>
    (inFlight ??= run().finally(() => {
      inFlight = undefined;
    }));
}

/**
 * `dependency_up{dependency}`: 1 while the readiness check of that name passes, 0 while it fails, measured at
 * each scrape by the very checks /readyz runs. Alerts can then name what a service cannot reach (Redis, NATS,
 * Postgres) instead of inferring it from its effects.
 */
function registerDependencyGauge(registry: Registry, run: () => Promise<CheckResult[]>): void {
  new Gauge({
    name: 'dependency_up',
    help: '1 while the readiness check of this dependency passes (the /readyz check of the same name), 0 while it fails',
    labelNames: ['dependency'] as const,
    registers: [registry],
    async collect() {
      for (const result of await run()) this.set({ dependency: result.name }, result.ok ? 1 : 0);
    },
  });
}

/** GET /healthz (alive), /readyz (every dependency answers, else 503 naming the ones down), /metrics. */
export function opsRouter(opts: { checks: ReadinessCheck[]; registry: Registry; isShuttingDown?: () => boolean }): Router {
  const runChecks = readinessRunner(opts.checks);
  if (opts.checks.length > 0) registerDependencyGauge(opts.registry, runChecks);
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await runChecks();
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
