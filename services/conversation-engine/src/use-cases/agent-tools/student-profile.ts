import type { StudentProfile } from '@app/contracts';
import type { Kysely } from 'kysely';
import { findConversationByStudent } from '../../db/repositories/conversations.repository';
import type { EngineDatabase } from '../../db/database';
import { findStudent } from '../../db/repositories/students.repository';
import { EngineCommandError } from '../../domain/engine-error';

/** What canned replies' placeholders are filled from: the registered name (else the WhatsApp profile's) and class. */
export async function studentProfile(deps: { db: Kysely<EngineDatabase> }, request: { student: string }): Promise<StudentProfile> {
  const conversation = await findConversationByStudent(deps.db, request.student);
  if (!conversation) throw new EngineCommandError('not_found', 'no conversation with this student');
  const student = await findStudent(deps.db, conversation.id);
  return { student_name: student?.name ?? conversation.profile_name, class_name: student?.className ?? null };
}
