import type { AssignmentSettings } from '@app/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

/** The one row the migration inserted. */
export async function readAssignmentSettings(db: Db): Promise<AssignmentSettings> {
  const row = await db.selectFrom('assignment_settings').select('auto_reassign_after_seconds').where('id', '=', 1).executeTakeFirst();
  return { auto_reassign_after_seconds: row?.auto_reassign_after_seconds ?? 0 };
}

export async function writeAssignmentSettings(db: Db, settings: AssignmentSettings, by: string) {
  await db
    .insertInto('assignment_settings')
    .values({ id: 1, auto_reassign_after_seconds: settings.auto_reassign_after_seconds, updated_by: by })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ auto_reassign_after_seconds: settings.auto_reassign_after_seconds, updated_by: by, updated_at: new Date() }),
    )
    .execute();
}
