import type { ConsentStatusView } from '@app/contracts';
import type { Kysely } from 'kysely';
import { findConversationByStudent } from '../../db/repositories/conversations.repository';
import type { EngineDatabase } from '../../db/database';
import { EngineCommandError } from '../../domain/engine-error';
import { consentView } from './consent-view';

/** The student's age band and consent; not_found for a student who never wrote. */
export async function getConsent(deps: { db: Kysely<EngineDatabase> }, request: { student: string }): Promise<ConsentStatusView> {
  const conversation = await findConversationByStudent(deps.db, request.student);
  if (!conversation) throw new EngineCommandError('not_found', 'no conversation with this student');
  return consentView(deps.db, conversation.id);
}
