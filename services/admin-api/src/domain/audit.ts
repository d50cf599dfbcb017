// The one list of actions: the type below, the audit filter's enum in the OpenAPI document and, through
// the generated types, the console's filter options all come from it.
export const AUDIT_ACTIONS = [
  'auth.login_succeeded',
  'auth.login_failed',
  'user.created',
  'user.updated',
  'chat.started',
  'chat.claimed',
  'chat.message_sent',
  'chat.ended',
  'chat.template_sent',
  'conversation.read',
  'outbound.dead_letter_retried',
  'outbound.resumed',
  'parked_event.retried',
  'parked_event.discarded',
  'note.added',
  'canned_reply.created',
  'canned_reply.updated',
  'canned_reply.deleted',
  'label.created',
  'label.updated',
  'label.deleted',
  'conversation.label_added',
  'conversation.label_removed',
  'conversation.transcript_exported',
  'student.exported',
  'student.erased',
  'office_hours.updated',
  'office_hours.closure_added',
  'office_hours.closure_removed',
  'chat.assigned',
  'chat.handed_back',
  'chat.auto_assigned',
  'chat.auto_reassigned',
  'agent.availability_set',
  'agent.capacity_set',
  'assignment.settings_updated',
  'csat.settings_updated',
  'conversation.viewed',
  'consent.settings_updated',
  'consent.recorded',
  'retention.settings_updated',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Where a request came from, as every audited use case receives it. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** Who did what, from where. `actorEmail` is what was typed for failed logins, `system` for the service itself. */
export interface AuditEntry extends RequestOrigin {
  actorId: string | null;
  actorEmail: string;
  action: AuditAction;
  target: string | null;
  details: Record<string, unknown>;
}

/** An entry as it was stored; `action` stays text, so rows written under an older name remain readable. */
export interface StoredAuditEntry extends Omit<AuditEntry, 'action'> {
  action: string;
  id: number;
  createdAt: Date;
}

export const SYSTEM_ACTOR = 'system';

/** User agents are attacker-controlled text; keep what helps an investigation and no more. */
export const USER_AGENT_MAX_LENGTH = 512;

export function truncateUserAgent(userAgent: string | undefined): string | null {
  return userAgent ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null;
}
