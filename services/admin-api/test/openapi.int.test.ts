import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { ROUTES } from '../src/adapters/http/route-table';
import { createTestSchema, errorCodeOf, send, signedInUser, startTestApi, type SignedInUser, type TestSchema } from './harness';

let t: TestSchema;
let api: RunningAdminApi;
let agent: SignedInUser;

interface Operation {
  security: unknown[];
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

beforeAll(async () => {
  t = await createTestSchema();
  api = await startTestApi(t.namespace);
  agent = await signedInUser(t, api, 'agent@school.org', 'agent');
});

afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

async function fetchDocument(): Promise<Document> {
  const res = await send(`${api.url}/api/admin/openapi.json`, { token: agent.token });
  expect(res.status).toBe(200);
  return (await res.json()) as Document;
}

describe('GET /api/admin/openapi.json', () => {
  it('is an OpenAPI 3 document with exactly the routes of the route table', async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const path of [
      'post /api/admin/auth/login',
      'get /api/admin/conversations',
      'get /api/admin/conversations/{phone}/messages',
      'post /api/admin/conversations/{phone}/chat-support/start',
      'post /api/admin/conversations/{phone}/chat-support/send',
      'post /api/admin/conversations/{phone}/chat-support/end',
      'get /api/admin/stats',
      'get /api/admin/events',
      'get /api/admin/users',
      'post /api/admin/users',
      'patch /api/admin/users/{id}',
      'get /api/admin/openapi.json',
      'post /api/admin/conversations/{phone}/chat-support/template',
      'get /api/admin/media/{id}',
      'get /api/admin/outbound/dead-letters',
      'post /api/admin/outbound/dead-letters/{id}/retry',
      'post /api/admin/outbound/resume',
      'get /api/admin/outbound/status',
    ]) {
      expect(documented).toContain(path);
    }
  });

  it('describes parameters, bodies, answers and errors from the same schemas that check them', async () => {
    const send = (await fetchDocument()).paths['/api/admin/conversations/{phone}/chat-support/send']?.post;
    expect(send?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'path', name: 'phone', required: true }),
        expect.objectContaining({ in: 'header', name: 'idempotency-key' }),
      ]),
    );
    expect(send?.requestBody).toBeDefined();
    expect(Object.keys(send?.responses ?? {}).sort()).toEqual(['202', '400', '401', '404', '409', '422', '500', '502', '503']);
    expect(send?.security).toEqual([{ bearer: [] }]);
    const events = (await fetchDocument()).paths['/api/admin/events']?.get;
    expect(Object.keys(events?.responses['200']?.content ?? {})).toEqual(['text/event-stream']);
    const login = (await fetchDocument()).paths['/api/admin/auth/login']?.post;
    expect(login?.security).toEqual([]);
    expect(Object.keys(login?.responses ?? {}).sort()).toEqual(['200', '400', '401', '429']);
  });

  it('describes a file answer as bytes, and the sender routes as admin-only', async () => {
    const doc = await fetchDocument();
    const media = doc.paths['/api/admin/media/{id}']?.get;
    expect(media?.responses['200']?.content).toEqual({ 'image/*': { schema: { type: 'string', format: 'binary' } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } });
    expect(Object.keys(media?.responses ?? {}).sort()).toEqual(['200', '400', '401', '404', '500', '502', '503']);
    const retry = doc.paths['/api/admin/outbound/dead-letters/{id}/retry']?.post as Operation & { 'x-roles': string[] };
    expect(retry['x-roles']).toEqual(['admin']);
    expect(Object.keys(retry.responses).sort()).toEqual(['202', '400', '401', '403', '404', '409', '502', '503']);
  });

  it('needs a token, as every route but login does', async () => {
    expect(await errorCodeOf(await send(`${api.url}/api/admin/openapi.json`))).toBe('unauthorized');
  });
});
