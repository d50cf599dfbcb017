import { z } from 'zod';

// Its own file, not openapi.route.ts: route-deps.ts needs the type, and the route module needs route.ts,
// which needs route-deps.ts.
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
