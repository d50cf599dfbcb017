// How the engine names a student to others. A conversation has a phone, a business-scoped user id (BSUID), or
// both (the database refuses neither); these pick the one each consumer needs.

export interface StudentIds {
  phone: string | null;
  userId: string | null;
}

/**
 * Where a send goes: Meta's `to` whenever the phone is known (every sender version can reach that), its
 * top-level `recipient` (the BSUID) only for a student who withholds their number.
 */
export function sendTarget(ids: StudentIds): { to: string } | { recipient: string } {
  if (ids.phone !== null) return { to: ids.phone };
  if (ids.userId !== null) return { recipient: ids.userId };
  throw new Error('a conversation has neither a phone nor a user id');
}

/** The student as one string (mark-read labels, parked events): the phone when known, else the BSUID. */
export function studentLabel(ids: StudentIds): string {
  const label = ids.phone ?? ids.userId;
  if (label === null) throw new Error('a conversation has neither a phone nor a user id');
  return label;
}
