import { ERASED_MEDIA_BATCH } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { nextErasedMedia } from '../../db/repositories/student-erasure.repository';

/**
 * Media store objects of erased students, handed to admin-api (which holds the media store) a batch at a time:
 * the keys it says it deleted are forgotten, the next ones are named. A key stays until confirmed, so an
 * admin-api that stops halfway leaves the rest for the next erasure (or the next call) to finish.
 */
export async function erasedMedia(deps: { db: Kysely<EngineDatabase> }, request: { deleted: string[] }): Promise<{ keys: string[] }> {
  return { keys: await nextErasedMedia(deps.db, request.deleted, ERASED_MEDIA_BATCH) };
}
