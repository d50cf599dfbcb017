import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, errorCodesOf } from './openapi';
import { ROUTES } from '../routes/route-table';

describe('the OpenAPI document', () => {
  it('describes every route of the table, once', () => {
    const doc = buildOpenApiDocument(ROUTES);
    const documented = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    expect(new Set(documented).size).toBe(ROUTES.length);
  });

  it("lists a route's auth and validation failures from its access and inputs", () => {
    const route = (method: string, path: string) => ROUTES.find((r) => r.method === method && r.path === path);
    const users = route('get', '/api/admin/users');
    const create = route('post', '/api/admin/users');
    const login = route('post', '/api/admin/auth/login');
    expect(users && errorCodesOf(users).sort()).toEqual(['forbidden', 'unauthorized']);
    expect(create && errorCodesOf(create).sort()).toEqual(['email_taken', 'forbidden', 'invalid_request', 'unauthorized']);
    expect(login && errorCodesOf(login).sort()).toEqual(['invalid_credentials', 'invalid_request', 'too_many_requests']);
  });

  it('documents display_name on user answers and on the requests that set it', () => {
    const doc = JSON.parse(JSON.stringify(buildOpenApiDocument(ROUTES))) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
    };
    const bodyOf = (path: string, method: string) =>
      JSON.stringify(doc.paths[path]?.[method]?.requestBody?.content['application/json']?.schema);
    for (const [path, method] of [
      ['/api/admin/users', 'post'],
      ['/api/admin/users/{id}', 'patch'],
      ['/api/admin/auth/me', 'patch'],
    ] as const) {
      expect(bodyOf(path, method), `${method} ${path}`).toMatch(/"display_name":\{[^}]*"maxLength":60/);
    }
    expect(JSON.stringify(doc)).toMatch(/"display_name":\{"description":"null: shown to students/);
  });

  it("documents a message item's retry note, its reasons and when the next attempt is due", () => {
    const doc = JSON.parse(JSON.stringify(buildOpenApiDocument(ROUTES))) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
    };
    const page = doc.paths['/api/admin/conversations/{student}/messages']?.get?.responses['200']?.content?.['application/json']?.schema as {
      properties: { items: { items: { properties: Record<string, unknown> } } };
    };
    const retrying = JSON.stringify(page.properties.items.items.properties.retrying);
    expect(retrying).toMatch(/"description":"Why a queued message is late/);
    expect(retrying).toContain('"enum":["pair_rate_limit","throughput","temporary"]');
    expect(retrying).toMatch(/"next_attempt_at":\{[^}]*"format":"date-time"/);
  });

  it('names every path parameter of a route path in its params schema', () => {
    for (const route of ROUTES) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(Object.keys(route.request.params?.shape ?? {}), route.path).toEqual(names);
    }
  });
});
