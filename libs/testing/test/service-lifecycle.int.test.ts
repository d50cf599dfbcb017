import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnService, waitForReady, type ServiceProcess } from '@app/runtime';
import { pollUntil, startSystem, type RunningSystem } from '@app/testing';

/*
 * The lifecycle every service shares (libs/runtime createLifecycle + runService), seen from outside, on the
 * real entry points: a boot that fails exits non-zero in bounded time whatever it had opened, and SIGTERM
 * drains (readiness down, listener still answering) before it closes and exits 0.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const DRAIN_MS = 3_000;
const SANDBOX_ENTRY = 'services/whatsapp-sandbox/src/main.ts';

type Service = 'webhook-gateway' | 'conversation-engine' | 'whatsapp-sender' | 'admin-api' | 'whatsapp-sandbox';

let system: RunningSystem;
let sandbox: ServiceProcess;
let sandboxPort: number;
const started: ServiceProcess[] = [];

/** Log lines of a child (JSON from pino), with the moment each arrived. */
function capture(child: ServiceProcess) {
  const lines: { at: number; line: Record<string, unknown> }[] = [];
  let partial = '';
  child.child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (partial + String(chunk)).split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts.filter(Boolean)) {
      try {
        lines.push({ at: Date.now(), line: JSON.parse(part) as Record<string, unknown> });
      } catch {
        lines.push({ at: Date.now(), line: { msg: part } });
      }
    }
  });
  return lines;
}

function spawn(service: Service, env: Record<string, string | undefined>): ServiceProcess {
  const entry = service === 'whatsapp-sandbox' ? SANDBOX_ENTRY : `services/${service}/src/main.ts`;
  const child = spawnService({ root: ROOT, name: service, entry, env, stdio: 'pipe' });
  started.push(child);
  return child;
}

beforeAll(async () => {
  system = await startSystem({ env: { SHUTDOWN_DRAIN_MS: String(DRAIN_MS) } });
  sandboxPort = await freePort();
  sandbox = spawn('whatsapp-sandbox', {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    WHATSAPP_SANDBOX_PORT: String(sandboxPort),
    SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
  });
  await waitForReady(`http://127.0.0.1:${sandboxPort}`, 30_000, () => sandbox.child.exitCode === null);
}, 180_000);

afterAll(async () => {
  await Promise.all(started.map((child) => child.kill()));
  await system?.stop();
});

describe('a service whose boot fails', () => {
  const takenPort = () => String(new URL(system.url('webhook-gateway')).port);
  const cases: { service: Service; failure: string; env: () => Promise<Record<string, string>>; cause: RegExp; opened: string[] }[] = [
    {
      service: 'webhook-gateway',
      failure: 'NATS refuses connections',
      env: async () => ({ NATS_URL: `nats://127.0.0.1:${await freePort()}` }),
      cause: /CONNECTION_REFUSED|ECONNREFUSED/i,
      opened: [],
    },
    {
      service: 'conversation-engine',
      failure: 'NATS refuses connections (Redis and Postgres already open)',
      env: async () => ({ NATS_URL: `nats://127.0.0.1:${await freePort()}` }),
      cause: /CONNECTION_REFUSED|ECONNREFUSED/i,
      opened: ['postgres', 'redis'],
    },
    {
      service: 'conversation-engine',
      failure: 'its port is taken (consumers already running)',
      env: async () => ({ CONVERSATION_ENGINE_PORT: takenPort() }),
      cause: /EADDRINUSE/,
      opened: ['nats', 'consumers', 'rpc'],
    },
    {
      service: 'whatsapp-sender',
      failure: 'its port is taken',
      env: async () => ({ WHATSAPP_SENDER_PORT: takenPort() }),
      cause: /EADDRINUSE/,
      opened: ['nats', 'redis', 'queues'],
    },
    {
      service: 'admin-api',
      failure: 'NATS refuses connections (Postgres and Redis already open)',
      env: async () => ({ NATS_URL: `nats://127.0.0.1:${await freePort()}` }),
      cause: /CONNECTION_REFUSED|ECONNREFUSED/i,
      opened: ['postgres', 'redis'],
    },
    {
      service: 'whatsapp-sandbox',
      failure: 'its port is taken',
      env: async () => ({ WHATSAPP_SANDBOX_PORT: takenPort() }),
      cause: /EADDRINUSE/,
      opened: ['events'],
    },
  ];

  it.each(cases)(
    '$service exits 1 within 10 s when $failure, logging why and closing what it had opened',
    async ({ service, env, cause, opened }) => {
      const ownPort = {
        'webhook-gateway': 'WEBHOOK_GATEWAY_PORT',
        'conversation-engine': 'CONVERSATION_ENGINE_PORT',
        'whatsapp-sender': 'WHATSAPP_SENDER_PORT',
        'admin-api': 'ADMIN_API_PORT',
        'whatsapp-sandbox': 'WHATSAPP_SANDBOX_PORT',
      }[service];
      const child = spawn(service, { ...system.env, [ownPort]: String(await freePort()), SHUTDOWN_DRAIN_MS: '0', ...(await env()) });
      const lines = capture(child);

      const code = await child.exited;
      const exitedAt = Date.now();
      expect(code).toBe(1);
      const closing = lines.find((l) => l.line.msg === 'start failed; closing what opened');
      const fatal = lines.find((l) => l.line.msg === 'failed to start');
      expect(closing, 'the close of what had opened').toBeDefined();
      expect(closing!.line.opened).toEqual(expect.arrayContaining(opened));
      expect(fatal?.line.level).toBe('fatal');
      expect(JSON.stringify(fatal?.line.err)).toMatch(cause);
      expect(exitedAt - closing!.at).toBeLessThan(10_000);
    },
  );
});

describe('a service told to stop', () => {
  it('each of the five drains with /readyz 503 "shutting_down" while its listener still answers, then exits 0 within 10 s', async () => {
    const targets: { service: Service; url: string; process: ServiceProcess }[] = [
      ...(['webhook-gateway', 'conversation-engine', 'whatsapp-sender', 'admin-api'] as const).map((service) => ({
        service,
        url: system.url(service),
        process: system.process(service)!,
      })),
      { service: 'whatsapp-sandbox', url: `http://127.0.0.1:${sandboxPort}`, process: sandbox },
    ];
    for (const { url } of targets) expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const outcomes = await Promise.all(
      targets.map(async ({ service, url, process: child }) => {
        const signalledAt = Date.now();
        child.child.kill('SIGTERM');
        // Both answers in one round: the listener served a request while readiness said it was going.
        const during = await pollUntil(
          async () => {
            const [ready, health] = await Promise.all([fetch(`${url}/readyz`), fetch(`${url}/healthz`)]);
            const body = (await ready.json()) as { down?: string[] };
            return ready.status === 503 && body.down?.includes('shutting_down')
              ? { ready: ready.status, health: health.status }
              : undefined;
          },
          { timeoutMs: DRAIN_MS, intervalMs: 100, message: `${service} draining` },
        );
        const code = await child.exited;
        return { service, during, code, within10s: Date.now() - signalledAt < 10_000 };
      }),
    );
    expect(outcomes).toEqual(targets.map(({ service }) => ({ service, during: { ready: 503, health: 200 }, code: 0, within10s: true })));
  });
});
