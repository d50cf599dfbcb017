import type { Conversation } from '../api/types';

/** Who a support chat waits for or belongs to, in words (colour only repeats it). */
export function SupportBadge({ conversation, userId }: { conversation: Conversation; userId: string }) {
  if (conversation.support_status === 'waiting') {
    return <span className="badge badge-waiting">Waiting for support</span>;
  }
  if (conversation.support_status === 'active') {
    const owner = conversation.assigned_to;
    const who = owner === null ? 'unassigned' : owner.id === userId ? 'you' : owner.name;
    return <span className="badge badge-active">In chat · {who}</span>;
  }
  return null;
}
