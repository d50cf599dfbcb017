import { startTcpProxy, testInfra, type TcpProxy } from '@app/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { createTestSchema, startTestApi, type TestSchema } from './harness';

let t: TestSchema;
let api: RunningAdminApi;

beforeAll(async () => {
  t = await createTestSchema();
  api = await startTestApi(t.namespace);
});

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

describe('ops endpoints', () => {
  it('answers /healthz 200', async () => {
    const res = await fetch(`${api.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 with postgres, nats and redis up', async () => {
    const res = await fetch(`${api.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', down: [], checks: { postgres: 'up', nats: 'up', redis: 'up' } });
  });

  it('serves Prometheus text with request durations labelled by route pattern and status', async () => {
    await fetch(`${api.url}/healthz`);
    await fetch(`${api.url}/api/admin/no-such-thing/447700900123`);
    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*method="GET",route="\/healthz",status="200"\} [1-9]/);
    expect(text).toMatch(/route="unmatched",status="404"/);
    expect(text).not.toContain('447700900123');
    expect(text).toContain('http_requests_in_flight');
  });
});

describe('every answer', () => {
  it('answers an unknown route with the 404 error envelope', async () => {
    const res = await fetch(`${api.url}/api/admin/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no such route' } });
  });

  it('echoes a caller x-request-id and makes one up otherwise', async () => {
    const given = await fetch(`${api.url}/healthz`, { headers: { 'x-request-id': 'ingress-7f3a' } });
    expect(given.headers.get('x-request-id')).toBe('ingress-7f3a');
    const made = await fetch(`${api.url}/healthz`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('readiness when Postgres is unreachable', () => {
  let proxy: TcpProxy;
  let viaProxy: RunningAdminApi;

  beforeAll(async () => {
    const target = new URL(testInfra.databaseUrl);
    proxy = await startTcpProxy(`tcp://${target.host}`);
    target.host = `127.0.0.1:${proxy.port}`;
    viaProxy = await startTestApi(t.namespace, { DATABASE_URL: target.toString() });
  });

  afterAll(async () => {
    await viaProxy?.stop();
    await proxy?.close();
  });

  it('answers /readyz 503 naming postgres while it is down, and 200 again once it is back', async () => {
    expect((await fetch(`${viaProxy.url}/readyz`)).status).toBe(200);
    proxy.cut();
    const down = await fetch(`${viaProxy.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', down: ['postgres'], checks: { postgres: 'down' } });
    expect((await fetch(`${viaProxy.url}/healthz`)).status).toBe(200);
    proxy.restore();
    await expect.poll(async () => (await fetch(`${viaProxy.url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
  });
});

describe.each([
  ['redis', 'REDIS_URL', () => testInfra.redisUrl],
  ['nats', 'NATS_URL', () => testInfra.natsUrl],
])('readiness when %s is unreachable', (name, variable, targetUrl) => {
  let proxy: TcpProxy;
  let viaProxy: RunningAdminApi;

  beforeAll(async () => {
    const target = new URL(targetUrl());
    proxy = await startTcpProxy(`tcp://${target.host}`);
    target.host = `127.0.0.1:${proxy.port}`;
    viaProxy = await startTestApi(t.namespace, { [variable]: target.toString() });
  });

  afterAll(async () => {
    proxy?.restore();
    await viaProxy?.stop();
    await proxy?.close();
  });

  it(`answers /readyz 503 naming ${name} while it is down, and 200 again once it is back`, async () => {
    expect((await fetch(`${viaProxy.url}/readyz`)).status).toBe(200);
    proxy.cut();
    await expect
      .poll(async () => (await fetch(`${viaProxy.url}/readyz`)).json(), { timeout: 10_000 })
      .toMatchObject({ status: 'unavailable', down: [name], checks: { [name]: 'down' } });
    proxy.restore();
    await expect.poll(async () => (await fetch(`${viaProxy.url}/readyz`)).status, { timeout: 15_000 }).toBe(200);
  });
});
