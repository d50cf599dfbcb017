/** A message's delivery status as stored (messages.status); `received` is a student's own message. */
export type MessageStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

const RANK: Record<string, number> = { queued: 0, sent: 1, delivered: 2, read: 3 };

/**
 * Delivery statuses only move forward (queued < sent < delivered < read). `failed` is terminal, but it
 * cannot undo a delivery: Meta does not report a failure after delivered/read, and if a stray one comes we
 * trust the earlier proof of delivery. Returns undefined when the incoming status changes nothing.
 */
export function nextStatus(current: MessageStatus, incoming: string): MessageStatus | undefined {
  if (current === 'failed' || current === 'received') return undefined;
  if (incoming === 'failed') return current === 'queued' || current === 'sent' ? 'failed' : undefined;
  const from = RANK[current];
  const to = RANK[incoming];
  if (from === undefined || to === undefined || to <= from) return undefined;
  return incoming as MessageStatus;
}
