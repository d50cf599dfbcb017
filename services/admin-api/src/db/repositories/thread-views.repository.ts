import { sql, type Kysely } from '@app/db';
import type { AuditEntry } from '../../domain/audit';
import type { Database } from '../database';

/**
 * Writes a thread-view audit entry unless the same admin's view of the same thread was recorded within
 * `withinSeconds` (one statement; the partial index audit_log_thread_views serves the check). Answers whether
 * a row was written. Two opens racing in the same instant may both write: the log errs towards more, never less.
 */
export async function insertViewUnlessRecent(db: Kysely<Database>, entry: AuditEntry, withinSeconds: number): Promise<boolean> {
  const result = await sql`
    insert into audit_log (actor_id, actor_email, action, target, details, ip, user_agent)
    select ${entry.actorId}::uuid, ${entry.actorEmail}, ${entry.action}, ${entry.target}, ${JSON.stringify(entry.details)}::jsonb, ${entry.ip}, ${entry.userAgent}
    where not exists (
      select 1 from audit_log
      where action = ${entry.action} and actor_id = ${entry.actorId}::uuid and target = ${entry.target}
        and created_at > now() - make_interval(secs => ${withinSeconds}))`.execute(db);
  return Number(result.numAffectedRows ?? 0n) > 0;
}
