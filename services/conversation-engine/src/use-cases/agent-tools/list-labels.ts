import type { LabelView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../adapters/db/database';
import { listLabels as readLabels } from '../../adapters/db/labels.repository';

/** The team's label set, by name (bounded by MAX_LABELS, so one answer). */
export async function listLabels(deps: { db: Kysely<EngineDatabase> }): Promise<{ items: LabelView[] }> {
  return { items: await readLabels(deps.db) };
}
