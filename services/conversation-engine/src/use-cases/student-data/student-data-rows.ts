import { STUDENT_DATA_PAGE_BYTES } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { findConversationByStudent } from '../../db/repositories/conversations.repository';
import { rowsAbout, tablesAboutStudents } from '../../db/repositories/student-data.repository';
import { EngineCommandError } from '../../domain/engine-error';
import { countWithinBytes } from '../../domain/privacy/data-pages';

/**
 * Subject access: one page of one table's rows about the student, every column. The table must be one that
 * holds rows about students (the request names it; it is checked against the schema, never trusted). The page
 * stops short of STUDENT_DATA_PAGE_BYTES; next_offset continues after the last row given.
 */
export async function studentDataRows(
  deps: { db: Kysely<EngineDatabase> },
  request: { student: string; table: string; offset: number; limit: number },
): Promise<{ rows: Record<string, unknown>[]; next_offset: number | null }> {
  if (!(await tablesAboutStudents(deps.db)).includes(request.table))
    throw new EngineCommandError('invalid_request', 'not a table about students');
  const conversation = await findConversationByStudent(deps.db, request.student);
  if (!conversation) throw new EngineCommandError('not_found', 'no conversation with this student');
  const rows = await rowsAbout(deps.db, request.table, conversation.id, { offset: request.offset, limit: request.limit + 1 });
  const kept = countWithinBytes(rows.slice(0, request.limit), STUDENT_DATA_PAGE_BYTES);
  return { rows: rows.slice(0, kept), next_offset: rows.length > kept ? request.offset + kept : null };
}
