import type { ConsentStatusView } from '@app/contracts';
import type { Kysely, Transaction } from 'kysely';
import { findStudentConsent, loadConsentContext, type StudentConsentRow } from '../../db/repositories/consent.repository';
import type { EngineDatabase } from '../../db/database';
import { consentStatus } from '../../domain/consent';

const iso = (at: Date | string) => new Date(at).toISOString();

function recordOf(row: StudentConsentRow | undefined): ConsentStatusView['consent'] {
  if (!row?.consent_given_at || !row.guardian_name || !row.guardian_relationship || !row.guardian_contact || !row.consent_method)
    return null;
  const relationship =
    row.guardian_relationship === 'parent' || row.guardian_relationship === 'guardian' ? row.guardian_relationship : 'other';
  return {
    guardian_name: row.guardian_name,
    relationship,
    contact: row.guardian_contact,
    method: row.consent_method === 'staff' ? 'staff' : 'whatsapp',
    evidence: row.consent_evidence ?? '',
    given_at: iso(row.consent_given_at),
    recorded_by: row.consent_recorded_by,
  };
}

/** One student's age band and consent, as admins see them. */
export async function consentView(
  db: Kysely<EngineDatabase> | Transaction<EngineDatabase>,
  conversationId: string,
): Promise<ConsentStatusView> {
  const context = await loadConsentContext(db, conversationId);
  const row = await findStudentConsent(db, conversationId);
  return { age_band: context.ageBand, status: consentStatus(context), consent: recordOf(row) };
}
