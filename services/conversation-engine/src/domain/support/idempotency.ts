/** How long an admin's Idempotency-Key answers with the first result: a console retrying within a day sends nothing new. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;
