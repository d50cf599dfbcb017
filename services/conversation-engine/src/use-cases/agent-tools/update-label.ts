import type { Actor, LabelView } from '@app/contracts';
import { isUniqueViolation, lockLabelSet, updateLabel as writeLabel } from '../../db/repositories/labels.repository';
import { EngineCommandError } from '../../domain/engine-error';
import type { Committed } from '../shared/changes';
import type { SupportDeps } from '../shared/support-transaction';
import { labelChanges } from './label-events';

/** Renames or recolours a label; the conversations carrying it are published again. */
export async function updateLabel(
  deps: SupportDeps,
  request: { actor: Actor; id: string; name?: string | undefined; colour?: string | undefined },
): Promise<Committed<{ label: LabelView }>> {
  const now = deps.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await lockLabelSet(trx);
      const label = await writeLabel(trx, request.id, { name: request.name, colour: request.colour }, now);
      if (!label) throw new EngineCommandError('not_found', 'no label with this id');
      return { outcome: { label }, changes: await labelChanges(trx, label.id) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EngineCommandError('name_taken', 'another label has this name');
    throw error;
  }
}
