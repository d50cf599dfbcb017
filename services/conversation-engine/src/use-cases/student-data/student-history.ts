import { STUDENT_DATA_PAGE_BYTES, type StudentHistoryPage } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { findConversationByStudent } from '../../db/repositories/conversations.repository';
import { historyPage, studentNames } from '../../db/repositories/student-data.repository';
import { EngineCommandError } from '../../domain/engine-error';
import { countWithinBytes, decodeHistoryCursor, encodeHistoryCursor } from '../../domain/privacy/data-pages';
import { toMessageView } from '../../domain/views';

export interface StudentHistoryRequest {
  student: string;
  after?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/**
 * A conversation's history oldest first, for a transcript: the same message views as the thread (authors,
 * delivery status, media), page after page from `after`, optionally within [from, to). A page stops short of
 * STUDENT_DATA_PAGE_BYTES; the cursor then continues from the last message given.
 */
export async function studentHistory(deps: { db: Kysely<EngineDatabase> }, request: StudentHistoryRequest): Promise<StudentHistoryPage> {
  const afterSeq = request.after === undefined ? 0 : decodeHistoryCursor(request.after);
  if (afterSeq === undefined) throw new EngineCommandError('invalid_request', 'after is not a cursor this history gave');
  const from = request.from === undefined ? undefined : new Date(request.from);
  const to = request.to === undefined ? undefined : new Date(request.to);
  if (from && to && from >= to) throw new EngineCommandError('invalid_request', 'from must be before to');
  const conversation = await findConversationByStudent(deps.db, request.student);
  if (!conversation) throw new EngineCommandError('not_found', 'no conversation with this student');
  const names = await studentNames(deps.db, conversation.id);
  const rows = await historyPage(deps.db, conversation.id, {
    afterSeq,
    limit: request.limit,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  const views = rows.slice(0, request.limit).map(toMessageView);
  const kept = countWithinBytes(views, STUDENT_DATA_PAGE_BYTES);
  const last = rows[kept - 1];
  const more = rows.length > kept;
  return {
    student: {
      phone_number: conversation.phone_number,
      user_id: conversation.user_id,
      username: conversation.username,
      student_name: names?.student_name ?? names?.profile_name ?? null,
    },
    items: views.slice(0, kept),
    next_cursor: more && last ? encodeHistoryCursor(Number(last.seq)) : null,
  };
}
