import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { spawnService, type ServiceProcess } from '@app/runtime';
import { pollUntil, testInfra } from '@app/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, JWT_SECRET, type TestSchema } from './harness';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ADMIN_PASSWORD = 'process-test-secret-5e1d';

let t: TestSchema;
let service: ServiceProcess;
let stdout = '';
const logLines = () =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  t = await createTestSchema();
  service = spawnService({
    root: ROOT,
    name: 'admin-api',
    entry: 'services/admin-api/src/main.ts',
    env: {
      DATABASE_URL: testInfra.databaseUrl,
      NATS_URL: testInfra.natsUrl,
      REDIS_URL: testInfra.redisUrl,
      NAMESPACE: t.namespace,
      ADMIN_API_PORT: '0',
      JWT_SECRET,
      ADMIN_EMAIL: 'head@school.org',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'info',
    },
    stdio: 'pipe',
  });
  service.child.stdout?.on('data', (chunk: Buffer) => (stdout += String(chunk)));
});

afterAll(async () => {
  await service?.kill();
  await t?.drop();
});

/** Sends a login request's head and half its body, so the request is in flight until `finish` is called. */
function startSlowLogin(port: number) {
  const body = JSON.stringify({ email: 'head@school.org', password: ADMIN_PASSWORD });
  const socket = net.connect({ host: '127.0.0.1', port });
  let answer = '';
  socket.on('data', (chunk) => (answer += String(chunk)));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    `POST /api/admin/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
  );
  return {
    finish: () => socket.write(body.slice(10)),
    answer: async () => {
      await closed;
      return answer;
    },
  };
}

async function inFlight(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^http_requests_in_flight\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0);
}

describe('admin-api process', () => {
  it('on SIGTERM stops accepting, finishes the request in flight and exits 0 within 10 s', async () => {
    const listening = await pollUntil(() => logLines().find((l) => l.msg === 'admin-api listening'), {
      message: 'admin-api listening',
      timeoutMs: 20_000,
    });
    const port = Number(listening.port);

    const login = startSlowLogin(port);
    // The metrics request counts itself: more than one means the login is being received.
    await pollUntil(async () => (await inFlight(port)) > 1, { message: 'the login request in flight' });

    const signalledAt = Date.now();
    service.child.kill('SIGTERM');
    await pollUntil(() => logLines().some((l) => l.msg === 'stopping'), { message: 'stopping' });
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    login.finish();
    const answer = await login.answer();
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer).toContain('"token"');
    // Told to hang up, so the server need not wait out the keep-alive timeout before it can close.
    expect(answer).toMatch(/^connection: close\r$/im);

    expect(await service.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(logLines().find((l) => l.msg === 'stopped')).toMatchObject({ clean: true });
    expect(stdout).not.toContain(ADMIN_PASSWORD);
  });
});
