export type AuditAction =
  | 'auth.login_succeeded'
  | 'auth.login_failed'
  | 'user.created'
  | 'user.updated'
  | 'chat.started'
  | 'chat.claimed'
  | 'chat.message_sent'
  | 'chat.ended'
  | 'chat.template_sent'
  | 'conversation.read'
  | 'outbound.dead_letter_retried'
  | 'outbound.resumed'
  | 'parked_event.retried'
  | 'parked_event.discarded';

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
] as const satisfies readonly AuditAction[];

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
