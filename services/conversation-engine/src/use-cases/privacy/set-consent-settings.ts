import type { Actor, ConsentSettings } from '@app/contracts';
import type { Kysely } from 'kysely';
import { readConsentSettings, writeConsentSettings } from '../../db/repositories/consent.repository';
import type { EngineDatabase } from '../../db/database';

/**
 * Replaces the consent rules (validated by the contract). Takes effect on each student's next turn: a student
 * whose band now needs consent finds homework waiting for it; one already registered is not asked their band
 * again (staff can record it).
 */
export async function setConsentSettings(
  deps: { db: Kysely<EngineDatabase>; now: () => Date },
  request: { actor: Actor; settings: ConsentSettings },
): Promise<ConsentSettings> {
  await writeConsentSettings(deps.db, request.settings, request.actor.name, deps.now());
  return readConsentSettings(deps.db);
}
