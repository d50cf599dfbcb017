import type { ConversationView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import type { SupportStatus } from '../../domain/bot';
import { listConversationViews } from '../../db/repositories/conversation-views.repository';
import { decodeConversationCursor, encodeConversationCursor } from '../../domain/cursors';
import { EngineCommandError } from '../../domain/engine-error';
import { toConversationView } from '../../domain/views';

export interface ListConversationsRequest {
  chat_support?: boolean | undefined;
  status?: SupportStatus | undefined;
  q?: string | undefined;
  label?: string | undefined;
  arrived_while_closed?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Conversations for the admin list, most recent activity first, a page at a time (keyset cursor). */
export async function listConversations(
  deps: { db: Kysely<EngineDatabase> },
  request: ListConversationsRequest,
): Promise<{ items: ConversationView[]; next_cursor: string | null }> {
  const after = request.cursor === undefined ? undefined : decodeConversationCursor(request.cursor);
  if (request.cursor !== undefined && !after) throw new EngineCommandError('invalid_request', 'cursor is not one this list gave');
  const search = request.q?.trim();
  const rows = await listConversationViews(deps.db, {
    limit: request.limit,
    ...(request.chat_support !== undefined ? { chatSupport: request.chat_support } : {}),
    ...(request.status ? { status: request.status } : {}),
    ...(search ? { search } : {}),
    ...(request.label ? { labelId: request.label } : {}),
    ...(request.arrived_while_closed ? { arrivedWhileClosed: true } : {}),
    ...(after ? { after } : {}),
  });
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  const next_cursor = rows.length > request.limit && last ? encodeConversationCursor({ activity: last.activity_key, id: last.id }) : null;
  return { items: page.map(toConversationView), next_cursor };
}
