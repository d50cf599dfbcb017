import { schemaFor } from '@app/db';

/** admin-api's Postgres schema: `admin_api`, or `<namespace>_admin_api` so tests and deployments can share a database. */
export function adminApiSchema(namespace: string | undefined): string {
  return schemaFor('admin_api', namespace);
}
