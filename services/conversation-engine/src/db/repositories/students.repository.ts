import type { Kysely, Transaction } from 'kysely';
import type { StudentProfile } from '../../domain/bot';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

export async function findStudent(db: Db, conversationId: string): Promise<StudentProfile | null> {
  const row = await db
    .selectFrom('students')
    .select(['name', 'email', 'class_name'])
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return row ? { name: row.name, email: row.email, className: row.class_name } : null;
}

/** Registration completing twice (it cannot, but a replayed state could) keeps the latest answers. */
export async function saveStudent(db: Db, conversationId: string, profile: StudentProfile, at: Date) {
  await db
    .insertInto('students')
    .values({
      conversation_id: conversationId,
      name: profile.name,
      email: profile.email,
      class_name: profile.className,
      registered_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.column('conversation_id').doUpdateSet({ name: profile.name, email: profile.email, class_name: profile.className, updated_at: at }),
    )
    .execute();
}

const COLUMN = { name: 'name', email: 'email', className: 'class_name' } as const;

export async function updateStudentField(db: Db, conversationId: string, field: keyof StudentProfile, value: string, at: Date) {
  await db
    .updateTable('students')
    .set({ [COLUMN[field]]: value, updated_at: at })
    .where('conversation_id', '=', conversationId)
    .execute();
}
