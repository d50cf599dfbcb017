import { createHash } from 'node:crypto';

/**
 * The pseudonym an erased student's tombstone keeps instead of their ids: SHA-256 of a fixed namespace and
 * the id (phone digits or business-scoped user id), hex. Why not an HMAC with a server secret: the tombstone
 * exists so the school can answer "was this number erased, when, by whom?" given the number (the person
 * asking provides it) for as long as records are kept, which a key that is rotated or lost would break, and
 * a new required secret is a breaking change for every deployment. The cost, said plainly: a phone number
 * is guessable, so someone who can read the engine's tables (and knows this namespace) can test candidate
 * numbers against a hash; the namespace only stops precomputed tables shared across systems. The tombstone
 * holds nothing else about the person (no name, no content), and the audit log names the erasure by its id.
 */
const SUBJECT_HASH_NAMESPACE = 'school-chat-support/erased-student/v1:';

export function subjectHash(id: string): string {
  return createHash('sha256')
    .update(SUBJECT_HASH_NAMESPACE + id, 'utf8')
    .digest('hex');
}

/** Each id the student had, hashed, in a stable order (phone first). */
export function subjectHashes(ids: { phoneNumber: string | null; userId: string | null }): string[] {
  return [ids.phoneNumber, ids.userId].filter((id): id is string => id !== null).map(subjectHash);
}
