import type { LabelView } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { listLabels as readLabels } from '../../db/repositories/labels.repository';

/** The team's label set, by name (bounded by MAX_LABELS, so one answer). */
export async function listLabels(deps: { db: Kysely<EngineDatabase> }): Promise<{ items: LabelView[] }> {
  return { items: await readLabels(deps.db) };
}
