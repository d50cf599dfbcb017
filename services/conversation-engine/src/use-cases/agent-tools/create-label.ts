import { MAX_LABELS, type Actor, type LabelView } from '@app/contracts';
import { countLabels, insertLabel, isUniqueViolation, lockLabelSet } from '../../db/repositories/labels.repository';
import { EngineCommandError } from '../../domain/engine-error';
import type { SupportDeps } from '../shared/support-transaction';

/** A new label of the set. name_taken for a name another label has (any case); at most MAX_LABELS. */
export async function createLabel(
  deps: SupportDeps,
  request: { actor: Actor; name: string; colour: string },
): Promise<{ label: LabelView }> {
  const now = deps.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await lockLabelSet(trx);
      if ((await countLabels(trx)) >= MAX_LABELS)
        throw new EngineCommandError('invalid_request', `there are already ${MAX_LABELS} labels; delete one first`);
      const label = await insertLabel(trx, {
        id: deps.newId(),
        name: request.name,
        colour: request.colour,
        createdBy: request.actor.id,
        at: now,
      });
      return { label };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EngineCommandError('name_taken', 'another label has this name');
    throw error;
  }
}
