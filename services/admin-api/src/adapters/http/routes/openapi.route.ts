import { jsonRoute, type Route } from './route-builders';
import { openApiDocumentSchema } from './openapi.schema';
import { ANY_ROLE } from './access';

/*
 * Behind a bearer token like every route but login: CONTRACT.md lists only login, health and the console's
 * static files as open, and the document maps the whole attack surface. The console and tools that read it
 * are signed in anyway.
 */
export const openApiRoute: Route = jsonRoute({
  method: 'get',
  path: '/api/admin/openapi.json',
  summary: 'This document',
  tag: 'meta',
  access: ANY_ROLE,
  response: { status: 200, description: 'OpenAPI 3.1, generated from the route table', schema: openApiDocumentSchema },
  handle: async (_input, ctx) => ctx.deps.openApiDocument(),
});
