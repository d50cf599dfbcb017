import type { StudentDataTables } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { findConversationByStudent } from '../../db/repositories/conversations.repository';
import { conversationRowJson, countRowsAbout, tablesAboutStudents } from '../../db/repositories/student-data.repository';
import { EngineCommandError } from '../../domain/engine-error';

/**
 * Subject access, first step: the student's conversation row (every column) and each table holding rows about
 * them with how many, so that admin-api can page through each (students.data.rows) into the archive.
 */
export async function studentDataTables(deps: { db: Kysely<EngineDatabase> }, request: { student: string }): Promise<StudentDataTables> {
  const conversation = await findConversationByStudent(deps.db, request.student);
  if (!conversation) throw new EngineCommandError('not_found', 'no conversation with this student');
  const row = await conversationRowJson(deps.db, conversation.id);
  if (!row) throw new EngineCommandError('not_found', 'no conversation with this student');
  const tables = [];
  for (const name of await tablesAboutStudents(deps.db)) tables.push({ name, rows: await countRowsAbout(deps.db, name, conversation.id) });
  return { conversation: row, tables };
}
