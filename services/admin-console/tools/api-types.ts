// The console's API types, generated from admin-api's OpenAPI document. The document is built in-process
// from admin-api's route table, the same list its router and GET /api/admin/openapi.json are built from, so
// no server has to run. `npm run api:types -w @app/admin-console` rewrites the file; api-types.test.ts
// fails while the committed file differs from what admin-api describes today.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument } from '../../admin-api/src/adapters/http/framework/openapi';
import { ROUTES } from '../../admin-api/src/adapters/http/routes/route-table';

export const API_TYPES_FILE = path.resolve(import.meta.dirname, '../src/api/openapi.gen.ts');

const HEADER = `// GENERATED from admin-api's OpenAPI document by services/admin-console/tools/api-types.ts. Do not edit:
// run \`npm run api:types -w @app/admin-console\`.
`;

export async function generateApiTypes(): Promise<string> {
  const document = buildOpenApiDocument(ROUTES);
  // The generator's input type is its own description of OpenAPI 3; zod-openapi's document is the same JSON.
  // enumValues: each enum also as a runtime array (the audit filter lists admin-api's actions from it).
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)) as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    enumValues: true,
  });
  return `${HEADER}${astToString(ast)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(API_TYPES_FILE, await generateApiTypes());
  process.stdout.write(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}\n`);
}
