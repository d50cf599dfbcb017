import type { AdminUser } from '../domain/admin-user';
import type { AuditEntry, RequestOrigin } from '../domain/audit';

/** Repeated opens of one thread by one admin within this window are one entry: the log stays readable. */
const THREAD_VIEW_COALESCE_SECONDS = 5 * 60;

export interface ThreadViewDeps {
  recordViewUnlessRecent(entry: AuditEntry, withinSeconds: number): Promise<boolean>;
}

/**
 * Staff reads (issue 15): an admin or agent opened a student's thread (the first page of its messages, after
 * the engine answered it). Audited as who read whose conversation, from where, when. A failed write fails the
 * read: nobody sees a student's messages without a trace of it.
 */
export async function recordThreadView(
  deps: ThreadViewDeps,
  input: { user: AdminUser; origin: RequestOrigin; student: string; correlationId: string },
): Promise<boolean> {
  const entry: AuditEntry = {
    ...input.origin,
    actorId: input.user.id,
    actorEmail: input.user.email,
    action: 'conversation.viewed',
    target: input.student,
    details: { role: input.user.role, correlation_id: input.correlationId },
  };
  return deps.recordViewUnlessRecent(entry, THREAD_VIEW_COALESCE_SECONDS);
}
