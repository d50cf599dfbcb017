import type { Actor, RetentionPreview, RetentionSettings } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { writeRetentionSettings } from '../../db/repositories/retention.repository';
import { retentionPreview } from './retention-preview';

/** Replaces the retention settings (validated by the contract) and answers the preview under them. */
export async function setRetention(
  deps: { db: Kysely<EngineDatabase>; now: () => Date; intervalMs: number },
  request: { actor: Actor; settings: RetentionSettings },
): Promise<RetentionPreview> {
  await writeRetentionSettings(deps.db, request.settings, request.actor.name, deps.now());
  return retentionPreview(deps);
}
