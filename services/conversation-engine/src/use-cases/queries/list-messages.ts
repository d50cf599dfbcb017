import type { MessageView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { findConversationByStudent } from '../../db/repositories/conversations.repository';
import { messagePage } from '../../db/repositories/message-views.repository';
import { decodeMessageCursor, encodeMessageCursor } from '../../domain/cursors';
import { EngineCommandError } from '../../domain/engine-error';
import { toMessageView } from '../../domain/views';

export interface ListMessagesRequest {
  /** Phone digits or business-scoped user id. */
  student: string;
  limit: number;
  before?: string | undefined;
}

/**
 * A conversation's history, both directions and every author (student, bot, agent, system), with delivery
 * status and error. The first page is the newest messages; next_cursor (as `before`) gives older ones. Each
 * page reads oldest to newest.
 */
export async function listMessages(
  deps: { db: Kysely<EngineDatabase> },
  request: ListMessagesRequest,
): Promise<{ items: MessageView[]; next_cursor: string | null }> {
  const beforeSeq = request.before === undefined ? undefined : decodeMessageCursor(request.before);
  if (request.before !== undefined && beforeSeq === undefined)
    throw new EngineCommandError('invalid_request', 'before is not a cursor this list gave');
  const conversation = await findConversationByStudent(deps.db, request.student);
  if (!conversation) throw new EngineCommandError('not_found', 'no conversation with this student');
  const rows = await messagePage(deps.db, conversation.id, { limit: request.limit, ...(beforeSeq !== undefined ? { beforeSeq } : {}) });
  const page = rows.slice(0, request.limit).reverse();
  const oldest = page[0];
  return { items: page.map(toMessageView), next_cursor: rows.length > request.limit && oldest ? encodeMessageCursor(oldest.seq) : null };
}
