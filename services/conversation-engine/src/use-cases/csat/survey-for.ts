import type { Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { isCsatEnabled, wasCsatAsked } from '../../db/repositories/csat.repository';
import { findOpenChat } from '../../db/repositories/support-chats.repository';

/**
 * Whether the chat that is ending gets the satisfaction survey: the school turned it on, a member of staff
 * took part (the chat was active; a student who gave up waiting has nothing to rate), and it was never sent
 * for this chat. Read only on the turn a chat ends.
 */
export async function surveyFor(
  trx: Transaction<EngineDatabase>,
  chat: { id: string; status: 'waiting' | 'active' } | undefined,
): Promise<{ chatId: string } | undefined> {
  if (!chat || chat.status !== 'active') return undefined;
  if (!(await isCsatEnabled(trx)) || (await wasCsatAsked(trx, chat.id))) return undefined;
  return { chatId: chat.id };
}

/** The same for the student's open chat, when their own message ends it. */
export async function surveyForOpenChat(trx: Transaction<EngineDatabase>, conversationId: string): Promise<{ chatId: string } | undefined> {
  return surveyFor(trx, await findOpenChat(trx, conversationId));
}
