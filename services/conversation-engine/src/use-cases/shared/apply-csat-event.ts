import type { Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { insertCsatAsked, recordCsatComment, recordCsatRating } from '../../db/repositories/csat.repository';
import type { CsatEvent } from '../../domain/bot';

/**
 * Stores what a student did with a survey, in the turn's transaction. Each write happens once per chat
 * whatever arrives later (a second tap, a redelivered webhook the dedupe missed): the first answer stands.
 */
export async function applyCsatEvent(
  trx: Transaction<EngineDatabase>,
  turn: { conversationId: string; now: Date },
  event: CsatEvent,
): Promise<void> {
  switch (event.type) {
    case 'csat.asked':
      await insertCsatAsked(trx, { chatId: event.chatId, conversationId: turn.conversationId, at: turn.now });
      return;
    case 'csat.rated':
      await recordCsatRating(trx, event.chatId, event.rating, turn.now);
      return;
    case 'csat.commented':
      await recordCsatComment(trx, event.chatId, event.comment, turn.now);
      return;
  }
}
