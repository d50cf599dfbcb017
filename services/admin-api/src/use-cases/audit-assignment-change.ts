import type { EngineEvent } from '@app/contracts';
import { SYSTEM_ACTOR, type AuditEntry } from '../domain/audit';

export interface AuditAssignmentDeps {
  /** Writes the entry once per key whichever replica comes first; false when it was there already. */
  recordOnce(eventKey: string, entry: AuditEntry): Promise<boolean>;
  failed(error: unknown, entry: AuditEntry): void;
}

/**
 * The audit of an assignment the engine made by itself (an offer to an available agent, a reassignment of
 * an unanswered chat): its event carries the change, and every admin-api replica receives it, so the entry
 * is keyed by the change's id and written once. Changes an admin asked for are audited by their command.
 * Events are notifications (at most once): should no replica be up when one is published, its entry is
 * missing; the thread's line and the chat's row in the engine keep the fact.
 */
export async function auditAssignmentChange(deps: AuditAssignmentDeps, event: EngineEvent): Promise<void> {
  const change = event.assignment;
  if (event.event !== 'assignment.changed' || !change || change.by !== null) return;
  const entry: AuditEntry = {
    actorId: null,
    actorEmail: SYSTEM_ACTOR,
    action: change.reason === 'unanswered' ? 'chat.auto_reassigned' : 'chat.auto_assigned',
    target: change.student,
    details: {
      chat_id: change.chat_id,
      reason: change.reason,
      from: change.from?.id ?? null,
      to: change.to?.id ?? null,
      at: change.at,
      outcome: 'ok',
    },
    ip: null,
    userAgent: null,
  };
  try {
    await deps.recordOnce(`assignment:${change.id}`, entry);
  } catch (error) {
    deps.failed(error, entry);
  }
}
