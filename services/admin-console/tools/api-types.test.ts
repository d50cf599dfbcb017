import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from './api-types';

describe("the console's API types", () => {
  it("match admin-api's current OpenAPI document (run `npm run api:types -w @app/admin-console` when this fails)", async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    expect(committed).toBe(await generateApiTypes());
  });

  it('describe the routes the console calls', async () => {
    const generated = await generateApiTypes();
    for (const route of ['/api/admin/conversations/{student}/chat-support/send', '/api/admin/events/ticket', '/api/admin/stats']) {
      expect(generated).toContain(`"${route}"`);
    }
  });
});
