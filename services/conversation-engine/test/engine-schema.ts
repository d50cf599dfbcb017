import { afterEach, beforeEach } from 'vitest';
import { createDb, dropSchema, migrateToLatest, type Kysely } from '@app/db';
import { newNamespace, testInfra } from '@app/testing';
import { engineSchema } from '../src/config';
import type { EngineDatabase } from '../src/db/database';
import { migrations } from '../src/db/migrations';

/** The engine's migrations up to and including `last` (a migration's name), in order. */
export const migrationsUntil = (last: string) => Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));
/** The engine's migrations before `first`: the schema as a release without `first` left it. */
export const migrationsBefore = (first: string) => Object.fromEntries(Object.entries(migrations).filter(([name]) => name < first));

/**
 * A fresh engine schema for each test of the describe block that calls it (its own namespace, dropped after
 * the test), migrated to the latest or to the given set. Read `schema.db` / `schema.name` inside tests.
 */
export function useEngineSchema(set: Parameters<typeof migrateToLatest>[2] = migrations) {
  const state = {} as { db: Kysely<EngineDatabase>; name: string };
  beforeEach(async () => {
    state.name = engineSchema(newNamespace());
    state.db = createDb<EngineDatabase>({ url: testInfra.databaseUrl, schema: state.name, max: 2 });
    await migrateToLatest(state.db, state.name, set);
  });
  afterEach(async () => {
    await dropSchema(state.db, state.name);
    await state.db.destroy();
  });
  return state;
}
