import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { capturedLog, createTestSchema, startTestApi, type TestSchema } from './harness';

/*
 * The console's static files (CONTRACT.md: served at `/`, public). A stand-in build in a temporary folder:
 * what is checked is how admin-api serves whatever Vite produced, not the console itself.
 */
const INDEX = '<!doctype html><title>console</title><script type="module" src="/assets/index-AbC123.js"></script>';

let t: TestSchema;
let api: RunningAdminApi;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'console-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX);
  writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log("console")');
  t = await createTestSchema();
  api = await startTestApi(t.namespace, { ADMIN_CONSOLE_DIR: dir });
});

afterAll(async () => {
  await api?.stop();
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the admin console at /', () => {
  it('serves index.html without a token, revalidated on every load, under a strict content policy', async () => {
    const res = await fetch(`${api.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(INDEX);
  });

  it('caches the hashed assets for a year', async () => {
    const res = await fetch(`${api.url}/assets/index-AbC123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it("answers index.html for the console's own routes, so a reload or a shared link opens the right screen", async () => {
    for (const route of [
      '/conversations',
      '/conversations/447700900123?filter=waiting',
      '/conversations/NG.13491208655302741918',
      '/agents',
    ]) {
      const res = await fetch(`${api.url}${route}`);
      expect(res.status, route).toBe(200);
      expect(await res.text(), route).toBe(INDEX);
    }
  });

  it('never answers index.html for an API path, a missing file or a write', async () => {
    const api404 = await fetch(`${api.url}/api/admin/nothing-here`);
    expect(api404.status).toBe(404);
    expect(await api404.json()).toEqual({ error: { code: 'not_found', message: 'no such route' } });
    expect((await fetch(`${api.url}/assets/index-Gone99.js`)).status).toBe(404);
    expect((await fetch(`${api.url}/conversations/NG.1/gone.js`)).status).toBe(404);
    expect((await fetch(`${api.url}/conversations`, { method: 'POST' })).status).toBe(404);
  });

  it('keeps the API protected beside the public files', async () => {
    expect((await fetch(`${api.url}/api/admin/conversations`)).status).toBe(401);
    expect((await fetch(`${api.url}/api/admin/openapi.json`)).status).toBe(401);
  });
});

describe('without a console build', () => {
  it('serves the API alone and says so once at start', async () => {
    const schema = await createTestSchema();
    const { log, lines } = capturedLog();
    const bare = await startTestApi(schema.namespace, { ADMIN_CONSOLE_DIR: path.join(dir, 'missing') }, log);
    try {
      expect((await fetch(`${bare.url}/`)).status).toBe(404);
      expect((await fetch(`${bare.url}/healthz`)).status).toBe(200);
      const warnings = lines().filter((l) => l.msg === 'admin console not served: no index.html there (npm run build)');
      expect(warnings).toEqual([expect.objectContaining({ level: 'warn', dir: path.join(dir, 'missing') })]);
    } finally {
      await bare.stop();
      await schema.drop();
    }
  });
});
