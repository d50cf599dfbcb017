import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdminApi } from '../src/admin-api';
import { ROUTES } from '../src/adapters/http/routes/route-table';
import { z } from 'zod';
import { BSUID, buildConversation, buildUsernameOnlyConversation } from './builders';
import { useApiWithEngine, type EngineResponder } from './engine-responder';
import { errorCodeOf, send, signedInUser, type SignedInUser, type TestSchema } from './harness';

let t: TestSchema;
let api: RunningAdminApi;
let agent: SignedInUser;
let engine: EngineResponder;

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

useApiWithEngine((world) => ({ t, api, engine } = world));

beforeAll(async () => {
  agent = await signedInUser(t, api, 'agent@school.org', 'agent');
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
      'get /api/admin/conversations/{student}/messages',
      'post /api/admin/conversations/{student}/chat-support/start',
      'post /api/admin/conversations/{student}/chat-support/send',
      'post /api/admin/conversations/{student}/chat-support/end',
      'get /api/admin/stats',
      'get /api/admin/events',
      'get /api/admin/users',
      'post /api/admin/users',
      'patch /api/admin/users/{id}',
      'get /api/admin/openapi.json',
      'post /api/admin/conversations/{student}/chat-support/template',
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
    const send = (await fetchDocument()).paths['/api/admin/conversations/{student}/chat-support/send']?.post;
    expect(send?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          in: 'path',
          name: 'student',
          required: true,
          description: expect.stringMatching(/phone number.*business-scoped user id/),
        }),
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
    expect(media?.responses['200']?.content).toEqual({
      'image/*': { schema: { type: 'string', format: 'binary' } },
      'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
    });
    expect(Object.keys(media?.responses ?? {}).sort()).toEqual(['200', '400', '401', '404', '500', '502', '503']);
    const retry = doc.paths['/api/admin/outbound/dead-letters/{id}/retry']?.post as Operation & { 'x-roles': string[] };
    expect(retry['x-roles']).toEqual(['admin']);
    expect(Object.keys(retry.responses).sort()).toEqual(['202', '400', '401', '403', '404', '409', '502', '503']);
  });

  it("names every student path's parameter `student`, phone digits or business-scoped user id, never `phone`", async () => {
    const doc = await fetchDocument();
    const conversationPaths = Object.keys(doc.paths).filter((path) => path.startsWith('/api/admin/conversations/'));
    expect(conversationPaths.length).toBeGreaterThanOrEqual(8);
    for (const path of conversationPaths) {
      expect(path).toMatch(/^\/api\/admin\/conversations\/\{student\}\//);
      for (const operation of Object.values(doc.paths[path] ?? {})) {
        const param = operation.parameters?.find((p) => p.in === 'path');
        expect(param, path).toMatchObject({
          name: 'student',
          required: true,
          description: expect.stringContaining('business-scoped user id'),
        });
      }
    }
  });

  it('serves conversation items of a student known only by user id (phone_number null) in the shape the document gives', async () => {
    const page = {
      items: [buildUsernameOnlyConversation(), buildConversation({ user_id: 'ZA.7700112233', username: 'sipho_n' })],
      next_cursor: null,
    };
    await engine.answer('listConversations', () => ({ ok: true, data: page }));
    const res = await send(`${api.url}/api/admin/conversations`, { token: agent.token });
    expect(res.status).toBe(200);
    const served = (await res.json()) as { items: { phone_number: string | null; user_id: string | null; username: string | null }[] };
    expect(served.items[0]).toMatchObject({ phone_number: null, user_id: BSUID, username: 'thandi.m' });

    const documented = (await fetchDocument()).paths['/api/admin/conversations']?.get?.responses['200']?.content?.['application/json'] as {
      schema: unknown;
    };
    const item = (documented.schema as { properties: { items: { items: { properties: Record<string, unknown>; required: string[] } } } })
      .properties.items.items;
    expect(item.properties).toMatchObject({
      phone_number: { type: ['string', 'null'] },
      user_id: { type: ['string', 'null'] },
      username: { type: ['string', 'null'] },
    });
    expect(item.required).toEqual(expect.arrayContaining(['phone_number', 'user_id', 'username']));
    // The served answer checked against the document itself, as a client generated from it would read it.
    const asDocumented = z.fromJSONSchema(documented.schema as Parameters<typeof z.fromJSONSchema>[0]);
    expect(asDocumented.safeParse(served).error).toBeUndefined();
    expect(asDocumented.safeParse({ ...served, items: [{ ...served.items[0], user_id: undefined }] }).success).toBe(false);
  });

  it('documents the user id of every SSE event next to a nullable phone number', async () => {
    const events = (await fetchDocument()).paths['/api/admin/events']?.get?.responses['200']?.content?.['text/event-stream'] as {
      schema: { properties: Record<string, unknown>; required: string[] };
    };
    expect(events.schema.properties).toMatchObject({ phone_number: { type: ['string', 'null'] }, user_id: { type: ['string', 'null'] } });
    expect(events.schema.required).toEqual(expect.arrayContaining(['phone_number', 'user_id']));
  });

  it('needs a token, as every route but login does', async () => {
    expect(await errorCodeOf(await send(`${api.url}/api/admin/openapi.json`))).toBe('unauthorized');
  });
});
