import type { AgeBand, ConsentSettings } from '@app/contracts';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { isAgeBand, knownBands, type ConsentContext } from '../../domain/consent';
import type { EngineDatabase } from '../database';
import type { StudentConsentsTable } from '../tables/privacy-tables';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

export type StudentConsentRow = Selectable<StudentConsentsTable>;

export interface GuardianConsent {
  guardianName: string;
  relationship: 'parent' | 'guardian' | 'other';
  contact: string;
  method: 'whatsapp' | 'staff';
  evidence: string;
  givenAt: Date;
  recordedBy: string | null;
}

/** The school's rules and the student's row in one round trip (the rules' row always exists: the migration made it). */
export async function loadConsentContext(db: Db, conversationId: string): Promise<ConsentContext> {
  const row = await db
    .selectFrom('consent_settings as s')
    .leftJoin('student_consents as c', (join) => join.on('c.conversation_id', '=', conversationId))
    .select(['s.ask_age_band', 's.guardian_consent_bands', 'c.age_band', 'c.consent_given_at'])
    .where('s.id', '=', 1)
    .executeTakeFirst();
  return {
    askAgeBand: row?.ask_age_band ?? false,
    guardianConsentBands: knownBands(row?.guardian_consent_bands ?? []),
    ageBand: isAgeBand(row?.age_band) ? row.age_band : null,
    consented: row?.consent_given_at != null,
  };
}

export async function readConsentSettings(db: Db): Promise<ConsentSettings> {
  const row = await db
    .selectFrom('consent_settings')
    .select(['ask_age_band', 'guardian_consent_bands'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return { ask_age_band: row?.ask_age_band ?? false, guardian_consent_bands: knownBands(row?.guardian_consent_bands ?? []) };
}

export async function writeConsentSettings(db: Db, settings: ConsentSettings, by: string, at: Date) {
  const values = {
    ask_age_band: settings.ask_age_band,
    guardian_consent_bands: [...settings.guardian_consent_bands],
    updated_by: by,
    updated_at: at,
  };
  await db
    .insertInto('consent_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

export async function findStudentConsent(db: Db, conversationId: string): Promise<StudentConsentRow | undefined> {
  return db.selectFrom('student_consents').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
}

export async function saveAgeBand(db: Db, conversationId: string, ageBand: AgeBand, at: Date) {
  const values = { age_band: ageBand, age_band_at: at, updated_at: at };
  await db
    .insertInto('student_consents')
    .values({ conversation_id: conversationId, ...values })
    .onConflict((oc) => oc.column('conversation_id').doUpdateSet(values))
    .execute();
}

/** A newer consent replaces the earlier record (the audit log keeps staff records; the history keeps WhatsApp ones). */
export async function saveGuardianConsent(db: Db, conversationId: string, consent: GuardianConsent, at: Date) {
  const values = {
    guardian_name: consent.guardianName,
    guardian_relationship: consent.relationship,
    guardian_contact: consent.contact,
    consent_method: consent.method,
    consent_evidence: consent.evidence,
    consent_given_at: consent.givenAt,
    consent_recorded_by: consent.recordedBy,
    updated_at: at,
  };
  await db
    .insertInto('student_consents')
    .values({ conversation_id: conversationId, ...values })
    .onConflict((oc) => oc.column('conversation_id').doUpdateSet(values))
    .execute();
}
