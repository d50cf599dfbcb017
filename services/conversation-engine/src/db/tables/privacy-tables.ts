import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The school's consent rules (id 1; 2026_12_07_1400_create_privacy_records). Bands are contracts' AGE_BANDS. */
export interface ConsentSettingsTable {
  id: number;
  ask_age_band: boolean;
  guardian_consent_bands: ColumnType<string[], string[] | undefined, string[]>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

/** A student's age band and their guardian's consent; one row per conversation. */
export interface StudentConsentsTable {
  conversation_id: string;
  age_band: string | null;
  age_band_at: Timestamp | null;
  guardian_name: string | null;
  guardian_relationship: string | null;
  guardian_contact: string | null;
  consent_method: string | null;
  consent_evidence: string | null;
  consent_given_at: Timestamp | null;
  consent_recorded_by: string | null;
  updated_at: Generated<Date>;
}

/** Retention of histories (id 1), with what the last sweep did. */
export interface RetentionSettingsTable {
  id: number;
  enabled: boolean;
  days: number;
  updated_at: Timestamp | null;
  updated_by: string | null;
  last_run_at: Timestamp | null;
  last_run_conversations: number | null;
  last_run_messages: number | null;
  last_run_media: number | null;
}
