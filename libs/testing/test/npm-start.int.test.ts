import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freePort } from '@app/runtime';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { topology } from '@app/contracts';
import { newNamespace, newPhone, openEventStream, pollUntil, testInfra } from '../src/index';

const root = path.resolve(import.meta.dirname, '../../..');
const database = `start_${newNamespace()}`;
const namespace = newNamespace();
const databaseUrl = (() => {
  const url = new URL(testInfra.databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm start` (its script, as npm runs it) in its own process group, with its output collected. */
async function npmStart(extraEnv: Record<string, string>) {
  const ports = {
    admin: await freePort(),
    gateway: await freePort(),
    engine: await freePort(),
    sender: await freePort(),
    sandbox: await freePort(),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    detached: true,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'warn',
      NAMESPACE: namespace,
      DATABASE_URL: databaseUrl,
      NATS_URL: testInfra.natsUrl,
      REDIS_URL: testInfra.redisUrl,
      ADMIN_API_PORT: String(ports.admin),
      WEBHOOK_GATEWAY_PORT: String(ports.gateway),
      CONVERSATION_ENGINE_PORT: String(ports.engine),
      WHATSAPP_SENDER_PORT: String(ports.sender),
      WHATSAPP_SANDBOX_PORT: String(ports.sandbox),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = { output: '', ports, child, exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))) };
  child.stdout.on('data', (chunk) => (run.output += String(chunk)));
  child.stderr.on('data', (chunk) => (run.output += String(chunk)));
  await pollUntil(() => run.output.includes('Press Ctrl-C to stop') || child.exitCode !== null, { timeoutMs: 90_000, message: 'the URLs' });
  expect(run.output).toContain('Press Ctrl-C to stop');
  return run;
}

/**
 * SIGTERM to the whole group: it exits 0, and every process of the group (grandchildren too, such as a
 * tool's helper process, which its parent does not wait for) is gone within 15 s of the signal.
 */
async function stopGroup(run: Awaited<ReturnType<typeof npmStart>>) {
  const children = execFileSync('pgrep', ['-g', String(run.child.pid)])
    .toString()
    .trim()
    .split('\n')
    .map(Number);
  const startedAt = Date.now();
  process.kill(-run.child.pid!, 'SIGTERM');
  expect(await run.exited).toBe(0);
  const remaining = 15_000 - (Date.now() - startedAt);
  expect(remaining).toBeGreaterThan(0);
  await pollUntil(() => children.filter(processAlive).length === 0, {
    timeoutMs: remaining,
    message: `every process of the group gone (alive: ${children.filter(processAlive).join(', ')})`,
  });
}

/** The pid of each service process of the group, by the service its entry point belongs to. */
function servicePids(run: Awaited<ReturnType<typeof npmStart>>): Map<string, number> {
  const pids = new Map<string, number>();
  for (const pid of execFileSync('pgrep', ['-g', String(run.child.pid)])
    .toString()
    .trim()
    .split('\n')
    .map(Number)) {
    try {
      const service = /services\/([a-z-]+)\/src\/main\.ts/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
      if (service) pids.set(service, pid);
    } catch {
      // gone between pgrep and the read
    }
  }
  return pids;
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: testInfra.databaseUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${database}" with (force)`);
  await admin.end();
  const nc = await connect({ servers: testInfra.natsUrl });
  const jsm = await jetstreamManager(nc);
  for (const stream of [topology(namespace).inboundStream, topology(namespace).deliveryStream])
    await jsm.streams.delete(stream).catch(() => undefined);
  await nc.close();
});

describe('npm start', () => {
  it('migrates a fresh database, runs every service and the sandbox, creates an admin and prints its password once, and stops them all on SIGTERM', async () => {
    const run = await npmStart({});
    try {
      const { ports, output } = run;
      expect(output).toContain(`admin console         http://localhost:${ports.admin}/`);
      expect(output).toContain(`WhatsApp sandbox      http://localhost:${ports.sandbox}/`);
      expect(output).toContain(`API docs (OpenAPI)    http://localhost:${ports.admin}/api/admin/openapi.json`);
      expect(output).toContain(`http://localhost:${ports.gateway}/api/webhook/whatsapp`);
      for (const port of Object.values(ports)) expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

      const [, email, password] = /Sign in as (\S+) with the password (\S+)/.exec(output) ?? [];
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(output.split(password!)).toHaveLength(2); // printed once, nowhere else (no log line holds it)
      const login = await fetch(`http://127.0.0.1:${ports.admin}/api/admin/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const docs = await fetch(`http://127.0.0.1:${ports.admin}/api/admin/openapi.json`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await docs.json()) as { openapi: string }).openapi).toMatch(/^3\./);

      // The wiring: the sandbox signs for the gateway, and the sender sends to the sandbox.
      const student = newPhone();
      const sandboxUrl = `http://127.0.0.1:${ports.sandbox}`;
      const stream = await openEventStream(`${sandboxUrl}/phone/api/events?student=${student}`);
      try {
        await fetch(`${sandboxUrl}/phone/api/students`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ wa_id: student, name: 'Ada Lovelace' }),
        });
        await fetch(`${sandboxUrl}/phone/api/students/${student}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'hi' }),
        });
        const answer = await stream.waitFor((f) => f.event === 'bubble' && JSON.parse(f.data!).from === 'business', 30_000);
        expect(JSON.parse(answer.data!).content.text).toMatch(/What is your full name\?/);
      } finally {
        stream.close();
      }
      await stopGroup(run);
    } finally {
      if (run.child.exitCode === null) process.kill(-run.child.pid!, 'SIGKILL');
    }
  }, 180_000);

  it('leaves the sandbox off with a real Cloud API configured, and says an admin exists instead of making a password', async () => {
    const run = await npmStart({ WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9' });
    try {
      expect(run.output).toContain('WhatsApp Cloud API    http://127.0.0.1:9');
      expect(run.output).toContain('An admin account already exists');
      expect(run.output).not.toMatch(/with the password/);
      await expect(fetch(`http://127.0.0.1:${run.ports.sandbox}/readyz`)).rejects.toThrow();
      await stopGroup(run);
    } finally {
      if (run.child.exitCode === null) process.kill(-run.child.pid!, 'SIGKILL');
    }
  }, 180_000);

  it('restarts a service killed with SIGKILL while the others keep running, and still exits 0 on SIGTERM', async () => {
    const run = await npmStart({ WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9' });
    try {
      const before = servicePids(run);
      expect([...before.keys()].sort()).toEqual(['admin-api', 'conversation-engine', 'webhook-gateway', 'whatsapp-sender']);

      process.kill(before.get('webhook-gateway')!, 'SIGKILL');
      await pollUntil(() => run.output.includes('webhook-gateway restarted'), { timeoutMs: 30_000, message: 'the gateway restarted' });
      await pollUntil(async () => (await fetch(`http://127.0.0.1:${run.ports.gateway}/readyz`)).status === 200, {
        timeoutMs: 60_000,
        message: 'the restarted gateway ready',
      });

      expect(run.output).toMatch(/webhook-gateway died unexpectedly \(killed by SIGKILL\)/);
      const after = servicePids(run);
      expect(after.get('webhook-gateway')).not.toBe(before.get('webhook-gateway'));
      for (const service of ['admin-api', 'conversation-engine', 'whatsapp-sender']) expect(after.get(service)).toBe(before.get(service));
      for (const port of [run.ports.admin, run.ports.engine, run.ports.sender])
        expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

      await stopGroup(run);
      expect(run.output).toContain('webhook-gateway stopped: exit code 0 (clean)');
      expect(run.output).toContain('every service stopped cleanly');
    } finally {
      if (run.child.exitCode === null) process.kill(-run.child.pid!, 'SIGKILL');
    }
  }, 180_000);
});
