import { z } from 'zod';

// Data protection for minors (issue 15): the age band asked at registration, a parent's or guardian's consent
// where the school requires it, and the retention of conversation histories. Shapes shared by the engine (which
// keeps them and acts on them), admin-api's REST answers and the console.

/** Age bands, not birth dates: what the rules turn on (COPPA under 13, NDPA/GDPR minors under 18) and no more. */
export const AGE_BANDS = ['under_13', '13_15', '16_17', '18_plus'] as const;
const ageBandSchema = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof ageBandSchema>;

/**
 * The school's consent rules. `ask_age_band` false keeps registration as it was (name, email, class); the
 * bands needing consent only mean something when the band is asked.
 */
export const consentSettingsSchema = z
  .object({
    ask_age_band: z.boolean(),
    guardian_consent_bands: z.array(ageBandSchema).max(AGE_BANDS.length),
  })
  .refine((s) => new Set(s.guardian_consent_bands).size === s.guardian_consent_bands.length, {
    message: 'each band at most once',
    path: ['guardian_consent_bands'],
  })
  .refine((s) => s.ask_age_band || s.guardian_consent_bands.length === 0, {
    message: 'guardian consent by age band needs the age band question (ask_age_band: true)',
    path: ['guardian_consent_bands'],
  });
export type ConsentSettings = z.infer<typeof consentSettingsSchema>;

export const GUARDIAN_RELATIONSHIPS = ['parent', 'guardian', 'other'] as const;
/** whatsapp: the guardian confirmed in the chat, from the student's number; staff: recorded by an admin from evidence. */
const CONSENT_METHODS = ['whatsapp', 'staff'] as const;

const guardianName = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');
const guardianContact = z
  .string()
  .trim()
  .min(3)
  .max(120)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');

/** Who consented, when and how. */
const consentRecordSchema = z.object({
  guardian_name: z.string(),
  relationship: z.enum(GUARDIAN_RELATIONSHIPS),
  /** A phone number or email address to reach the guardian. */
  contact: z.string(),
  method: z.enum(CONSENT_METHODS),
  /** How it was given, in words (a paper form kept at the office, a phone call on a date, ...). */
  evidence: z.string(),
  given_at: z.iso.datetime({ offset: true }),
  /** The admin who recorded it (staff); null when the guardian confirmed on WhatsApp. */
  recorded_by: z.string().nullable(),
});

/**
 * not_required: no consent needed (adult band, or the school requires none); pending: needed and not given
 * (the student may not upload homework); given: recorded; age_unknown: the school asks for consent by band but
 * this student never gave one (registered before the question): staff can record both.
 */
const CONSENT_STATUSES = ['not_required', 'pending', 'given', 'age_unknown'] as const;
export const consentStatusSchema = z.object({
  age_band: ageBandSchema.nullable(),
  status: z.enum(CONSENT_STATUSES),
  consent: consentRecordSchema.nullable(),
});
export type ConsentStatusView = z.infer<typeof consentStatusSchema>;

/** What an admin records for consent given outside the chat (a signed form, a call). */
export const staffConsentSchema = z.object({
  guardian_name: guardianName,
  relationship: z.enum(GUARDIAN_RELATIONSHIPS),
  contact: guardianContact,
  evidence: z.string().trim().min(3).max(500),
  /** When the guardian gave it; now when omitted. Never in the future. */
  given_at: z.iso.datetime({ offset: true }).optional(),
  /** Sets or corrects the student's age band at the same time. */
  age_band: ageBandSchema.optional(),
});
export type StaffConsent = z.infer<typeof staffConsentSchema>;

/** Retention of histories: off by default; when on, a conversation idle for `days` loses its messages and media. */
export const retentionSettingsSchema = z.object({
  enabled: z.boolean(),
  days: z.number().int().min(7).max(3650),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

/** The preview counts at most this many due conversations (many runs' worth), so it answers quickly whatever the backlog. */
export const RETENTION_PREVIEW_LIMIT = 10_000;

const counts = z.object({ conversations: z.number().int().min(0), messages: z.number().int().min(0), media: z.number().int().min(0) });

/** What the next retention runs will remove, as of now, and what the last run did. */
export const retentionPreviewSchema = z.object({
  settings: retentionSettingsSchema,
  /** Conversations whose last activity is before this are due; null when retention is off. */
  cutoff: z.iso.datetime({ offset: true }).nullable(),
  /** Counted over at most RETENTION_PREVIEW_LIMIT due conversations (the oldest): `due_capped` says more are due. */
  due: counts,
  due_capped: z.boolean(),
  /** The oldest last activity among the due conversations; null when none is due. */
  oldest_due_activity_at: z.iso.datetime({ offset: true }).nullable(),
  /** When a run is expected next (the sweep's interval after the last one); null when retention is off. */
  next_run_at: z.iso.datetime({ offset: true }).nullable(),
  last_run_at: z.iso.datetime({ offset: true }).nullable(),
  last_run_deleted: counts.nullable(),
  updated_at: z.iso.datetime({ offset: true }).nullable(),
  updated_by: z.string().nullable(),
});
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;
