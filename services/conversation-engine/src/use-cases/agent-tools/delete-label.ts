import type { Actor, LabelView } from '@app/contracts';
import { deleteLabel as removeLabel, lockLabelSet } from '../../db/repositories/labels.repository';
import { EngineCommandError } from '../../domain/engine-error';
import type { Committed } from '../shared/changes';
import type { SupportDeps } from '../shared/support-transaction';
import { labelChanges } from './label-events';

/** Deletes a label; it leaves every conversation that carried it (the foreign key cascades), which are published again. */
export async function deleteLabel(deps: SupportDeps, request: { actor: Actor; id: string }): Promise<Committed<{ label: LabelView }>> {
  return deps.db.transaction().execute(async (trx) => {
    await lockLabelSet(trx);
    // Read before the delete: once it commits, nothing says which conversations carried it.
    const changes = await labelChanges(trx, request.id);
    const label = await removeLabel(trx, request.id);
    if (!label) throw new EngineCommandError('not_found', 'no label with this id');
    return { outcome: { label }, changes };
  });
}
