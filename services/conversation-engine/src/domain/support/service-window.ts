/**
 * WhatsApp's customer-service window: each inbound message from the student opens or renews 24 hours in which
 * free-form messages may be sent; our own messages do not renew it. Outside it only templates are accepted.
 */
export const SERVICE_WINDOW_MS = 24 * 3600_000;

/** Meta's answer to a free-form message outside the window. */
export const OUTSIDE_WINDOW_ERROR_CODE = 131047;

export interface ServiceWindow {
  lastInboundAt: Date | null;
  /**
   * Set when Meta refused a message as outside the window (131047) while our clock had it open: the window
   * is closed from then until the student writes again (an inbound message later than this).
   */
  closedAt: Date | null;
}

export function windowOf(conversation: { last_inbound_at: Date | null; service_window_closed_at: Date | null }): ServiceWindow {
  return { lastInboundAt: conversation.last_inbound_at, closedAt: conversation.service_window_closed_at };
}

const closedEarly = (w: ServiceWindow): w is ServiceWindow & { lastInboundAt: Date; closedAt: Date } =>
  w.lastInboundAt !== null && w.closedAt !== null && w.closedAt.getTime() >= w.lastInboundAt.getTime();

export function serviceWindowExpiresAt(window: ServiceWindow): Date | null {
  if (!window.lastInboundAt) return null;
  const natural = window.lastInboundAt.getTime() + SERVICE_WINDOW_MS;
  return new Date(closedEarly(window) ? Math.min(natural, window.closedAt.getTime()) : natural);
}

export function isServiceWindowOpen(window: ServiceWindow, now: Date): boolean {
  if (closedEarly(window)) return false;
  const expiresAt = serviceWindowExpiresAt(window);
  return expiresAt !== null && now.getTime() < expiresAt.getTime();
}

/**
 * When a failed send closes the window: only for 131047, and only if the refused message was written after
 * the student's last message. A message written before it may have been refused before that message reopened
 * the window (a send held up by an outage), which says nothing about the window open now. The closing moment
 * is never earlier than the last inbound message, so "closed" reads the same whatever the clocks of the
 * replicas that recorded the two.
 */
export function windowClosedAt(input: {
  errorCode: number;
  messageWrittenAt: Date;
  lastInboundAt: Date | null;
  now: Date;
}): Date | undefined {
  if (input.errorCode !== OUTSIDE_WINDOW_ERROR_CODE) return undefined;
  const { lastInboundAt } = input;
  if (lastInboundAt && input.messageWrittenAt.getTime() < lastInboundAt.getTime()) return undefined;
  return new Date(Math.max(input.now.getTime(), lastInboundAt?.getTime() ?? 0));
}
