import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from './http-server';
import { createMetricsRegistry, opsRouter, readinessRunner, type ReadinessCheck } from './ops';

const up = (name: string): ReadinessCheck => ({ name, check: async () => undefined });
const down = (name: string): ReadinessCheck => ({ name, check: async () => Promise.reject(new Error(`${name} refused`)) });

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close(100);
  server = undefined;
});

async function serve(checks: ReadinessCheck[]) {
  const app = express();
  app.use(opsRouter({ checks, registry: createMetricsRegistry('test-service') }));
  server = await listen(app, 0, '127.0.0.1');
  return server.url;
}

const gaugeLines = (text: string) => text.split('\n').filter((line) => line.startsWith('dependency_up{'));

describe('dependency_up', () => {
  it('exports 1 for each readiness check that passes and 0 for each that fails, as /readyz reports them', async () => {
    let redisUp = false;
    const url = await serve([
      up('postgres'),
      { name: 'redis', check: async () => (redisUp ? undefined : Promise.reject(new Error('ECONNREFUSED'))) },
      down('nats'),
    ]);
    expect(gaugeLines(await (await fetch(`${url}/metrics`)).text()).sort()).toEqual([
      'dependency_up{dependency="nats",service="test-service"} 0',
      'dependency_up{dependency="postgres",service="test-service"} 1',
      'dependency_up{dependency="redis",service="test-service"} 0',
    ]);
    const readyz = await fetch(`${url}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toMatchObject({ down: ['redis', 'nats'], checks: { postgres: 'up', redis: 'down', nats: 'down' } });

    // Measured at each scrape: a dependency that comes back is 1 at the next one.
    redisUp = true;
    expect(gaugeLines(await (await fetch(`${url}/metrics`)).text())).toContain(
      'dependency_up{dependency="redis",service="test-service"} 1',
    );
  });

  it('exports no dependency_up at all for a service without dependencies', async () => {
    const url = await serve([]);
    expect(gaugeLines(await (await fetch(`${url}/metrics`)).text())).toEqual([]);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });
});

describe('readinessRunner', () => {
  it('counts a check that does not answer in time as down, naming the timeout', async () => {
    const run = readinessRunner([{ name: 'nats', check: () => new Promise(() => undefined) }, up('redis')], 20);
    expect(await run()).toEqual([
      { name: 'nats', ok: false, error: 'timed out after 20 ms' },
      { name: 'redis', ok: true },
    ]);
  });

  it('shares a run in flight between callers (a probe and a scrape together ping each dependency once)', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const run = readinessRunner([{ name: 'redis', check: () => (calls++, new Promise<void>((resolve) => (release = resolve))) }]);
    const [first, second] = [run(), run()];
    release();
    expect(await first).toEqual(await second);
    expect(calls).toBe(1);
    // Once settled, the next call measures again.
    const third = run();
    release();
    await third;
    expect(calls).toBe(2);
  });
});
