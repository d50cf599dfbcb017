import { sql } from 'kysely';

/**
 * `= any($1::uuid[])` in place of an IN list: one statement text whatever the number of ids (an IN list makes
 * a text per length, each parsed and tracked apart by Postgres and pg_stat_statements), and an empty list is
 * valid SQL.
 */
export const anyUuid = (ids: readonly string[]) => sql<string>`any(${sql.val([...ids])}::uuid[])`;
