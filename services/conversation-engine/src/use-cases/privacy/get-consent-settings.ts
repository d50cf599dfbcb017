import type { ConsentSettings } from '@app/contracts';
import type { Kysely } from 'kysely';
import { readConsentSettings } from '../../db/repositories/consent.repository';
import type { EngineDatabase } from '../../db/database';

export async function getConsentSettings(deps: { db: Kysely<EngineDatabase> }): Promise<ConsentSettings> {
  return readConsentSettings(deps.db);
}
