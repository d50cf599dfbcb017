import type { Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { conversationsWithLabel } from '../../db/repositories/labels.repository';
import type { Changes } from '../shared/changes';

/**
 * A renamed, recoloured or deleted label changes every conversation carrying it. Live events go out for the
 * most recently active ones only: the events are notifications, not the record (engine-events.ts), and a
 * console showing an older conversation catches up on its next list load.
 */
const LABEL_EVENTS_MAX = 200;

export async function labelChanges(trx: Transaction<EngineDatabase>, labelId: string): Promise<Changes> {
  const conversations = await conversationsWithLabel(trx, labelId, LABEL_EVENTS_MAX);
  return { messagesCreated: [], messagesStatus: [], conversations, queueChanged: false, outboxTaken: [] };
}
