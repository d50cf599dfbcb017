import type { Actor, AssignmentSettings } from '@app/contracts';
import { readAssignmentSettings, writeAssignmentSettings } from '../../db/repositories/assignment-settings.repository';
import type { SupportDeps } from '../shared/support-transaction';

/** An admin sets when an unanswered chat is reassigned (0 = never); the next sweep applies it. */
export async function setAssignmentSettings(
  deps: Pick<SupportDeps, 'db'>,
  request: { actor: Actor; settings: AssignmentSettings },
): Promise<AssignmentSettings> {
  await writeAssignmentSettings(deps.db, request.settings, request.actor.id);
  return readAssignmentSettings(deps.db);
}
