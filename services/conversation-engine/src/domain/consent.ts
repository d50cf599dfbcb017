import { AGE_BANDS, type AgeBand, type ConsentStatusView } from '@app/contracts';

/** The school's consent rules and one student's standing, as the bot and the admin views decide with them. */
export interface ConsentContext {
  askAgeBand: boolean;
  guardianConsentBands: readonly AgeBand[];
  /** Null until the student answered (or staff recorded it). */
  ageBand: AgeBand | null;
  consented: boolean;
}

export const isAgeBand = (value: unknown): value is AgeBand =>
  typeof value === 'string' && (AGE_BANDS as readonly string[]).includes(value);

/** Bands as stored, keeping only known ones in the contract's order (a band removed in a release is dropped). */
export const knownBands = (stored: readonly string[]): AgeBand[] => AGE_BANDS.filter((band) => stored.includes(band));

/**
 * Where a student stands. A band that needs consent without one recorded is pending (homework uploads wait);
 * a student with no band while the school asks for consent by band is age_unknown, and is not held back: they
 * registered before the question existed, and staff can record their band and consent.
 */
export function consentStatus(ctx: ConsentContext): ConsentStatusView['status'] {
  if (ctx.consented) return 'given';
  if (ctx.guardianConsentBands.length === 0) return 'not_required';
  if (ctx.ageBand === null) return 'age_unknown';
  return ctx.guardianConsentBands.includes(ctx.ageBand) ? 'pending' : 'not_required';
}

/** Whether the student still needs a guardian's consent before uploading homework. */
export const consentPending = (ctx: ConsentContext | undefined) => ctx !== undefined && consentStatus(ctx) === 'pending';
