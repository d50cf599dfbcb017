import { CSAT_TEXT_FIELDS, type Actor, type CsatSettings, type CsatTexts } from '@app/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import { isCsatEnabled, loadCsatTexts, saveCsatTexts, setCsatEnabled } from '../../db/repositories/csat.repository';
import { DEFAULT_TEXTS, type TextKey } from '../../domain/bot';

type Deps = { db: Kysely<EngineDatabase>; now: () => Date };

const textKey = (field: keyof CsatTexts): TextKey => `csat.${field}`;

async function read(db: Kysely<EngineDatabase> | Transaction<EngineDatabase>): Promise<CsatSettings> {
  const stored = await loadCsatTexts(db, CSAT_TEXT_FIELDS.map(textKey));
  // A blank stored text falls back to the default, as the bot itself does (content.ts `say`).
  const texts = Object.fromEntries(
    CSAT_TEXT_FIELDS.map((field) => [field, stored[textKey(field)]?.trim() || DEFAULT_TEXTS[textKey(field)]]),
  ) as CsatTexts;
  return { enabled: await isCsatEnabled(db), texts };
}

/** The survey's settings as the bot uses them. */
export async function getCsatSettings(deps: Deps): Promise<CsatSettings> {
  return read(deps.db);
}

/** Replaces the settings in one transaction: a chat ending meanwhile sees the old ones or the new, never half. */
export async function setCsatSettings(deps: Deps, request: { actor: Actor; settings: CsatSettings }): Promise<CsatSettings> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await setCsatEnabled(trx, request.settings.enabled, request.actor.name, now);
    await saveCsatTexts(trx, Object.fromEntries(CSAT_TEXT_FIELDS.map((field) => [textKey(field), request.settings.texts[field]])));
    return read(trx);
  });
}
