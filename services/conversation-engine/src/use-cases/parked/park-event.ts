import type { Kysely } from 'kysely';
import type { Logger } from '@app/logging';
import type { EngineDatabase } from '../../db/database';
import { parkEvent, type ParkedEventInput } from '../../db/repositories/parked-events.repository';

export interface ParkDeps {
  db: Kysely<EngineDatabase>;
  newId: () => string;
  log: Logger;
  onParked?: (source: ParkedEventInput['source']) => void;
}

export type ParkRequest = Omit<ParkedEventInput, 'id'> & { eventId?: string };

/**
 * Keeps an event the engine gives up on where admins see it, in a transaction of its own (the event's own
 * failed). Throws if the row was not written: the caller must then keep the event (never term without it).
 */
export async function parkFailedEvent(deps: ParkDeps, request: ParkRequest): Promise<void> {
  const { eventId, ...input } = request;
  await parkEvent(deps.db, { ...input, id: deps.newId() });
  deps.log.error(
    { source: input.source, subject: input.subject, seq: input.streamSeq, eventId, attempts: input.attempts, error: input.error },
    'event parked after failing; its partition moves on',
  );
  deps.onParked?.(input.source);
}
