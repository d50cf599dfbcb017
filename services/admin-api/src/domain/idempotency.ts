/**
 * The key the engine deduplicates a send by. Scoped to the admin, so two admins who happen to pick the same
 * Idempotency-Key (a console counter, a retried script) never receive each other's first answer; without a
 * header every send is new.
 */
export function sendIdempotencyKey(actorId: string, header: string | undefined, fresh: () => string): string {
  return header === undefined ? fresh() : `${actorId}:${header}`;
}

/**
 * The same for the re-engagement template: its own key space (`t:` never starts a send key, which starts
 * with the admin's uuid), so a key reused across a send and a template never answers one with the other.
 */
export function templateIdempotencyKey(actorId: string, header: string | undefined, fresh: () => string): string {
  return header === undefined ? fresh() : `t:${actorId}:${header}`;
}
