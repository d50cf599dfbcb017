import { z } from 'zod';

/** A WhatsApp phone number as Meta sends it in `wa_id`/`from`: E.164 digits, without '+'. */
export const waIdSchema = z.string().regex(/^\d{6,20}$/, 'a WhatsApp id is 6-20 digits');

/**
 * A business-scoped user id (BSUID, 2026): the user's country code, a dot, then up to 128 alphanumerics, e.g.
 * `US.13491208655302741918`; a parent BSUID reads `US.ENT.…`. Meta sends it with every message once the user
 * has one, and it is the only id of a user who adopted a username and withholds their number. A new phone
 * number gives a new BSUID.
 */
export const bsuidSchema = z
  .string()
  .regex(/^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/, 'a business-scoped user id is a country code, a dot and 1-128 letters or digits');

/**
 * How an admin names a student in a path (`{student}`, also spelt `{phone}`): their phone digits or their
 * BSUID. Either finds the same conversation once both are known.
 */
export const studentIdSchema = z.union([waIdSchema, bsuidSchema], {
  error: 'a student is named by the digits of their phone number or by their business-scoped user id',
});

export const isBsuid = (id: string): boolean => bsuidSchema.safeParse(id).success;

/**
 * Who a webhook payload is about, as far as that payload says: the BSUID, the phone, or both. Never both
 * null (the schemas refuse a message or status that names no one).
 */
export interface StudentRef {
  userId: string | null;
  phone: string | null;
}

export function studentRef(userId: string | null | undefined, phone: string | null | undefined): StudentRef {
  return { userId: userId ?? null, phone: phone ?? null };
}

/**
 * The key a student's inbound events are partitioned by: the BSUID when the payload carries one, else the
 * phone. Meta sends the BSUID with every message, status and echo of a user who has one (2026), so a
 * student's events share one partition whether the phone is also there or not; a student moves partition at
 * most once, when Meta first sends their BSUID (or when it changes with a new number). The engine locks the
 * conversation row in every transaction that touches it, so events of that one overlap never interleave.
 */
export function studentKey(ref: StudentRef): string {
  const key = ref.userId ?? ref.phone;
  if (key === null) throw new Error('a student reference names neither a user id nor a phone');
  return key;
}
