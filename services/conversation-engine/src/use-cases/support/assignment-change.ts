import type { AssignmentReason } from '@app/contracts';
import type { Agent } from '../../domain/support/lifecycle';
import type { AssignedChange } from '../shared/changes';

/** One change of assignee, as the live event and admin-api's audit carry it. */
export function assignedChange(input: {
  id: string;
  chatId: string;
  conversation: { phone_number: string | null; user_id: string | null };
  from: Agent | null;
  to: Agent | null;
  reason: AssignmentReason;
  by: Agent | null;
  at: Date;
}): AssignedChange {
  const { conversation } = input;
  return {
    phoneNumber: conversation.phone_number,
    userId: conversation.user_id,
    change: {
      id: input.id,
      chat_id: input.chatId,
      student: conversation.phone_number ?? conversation.user_id ?? '',
      from: input.from,
      to: input.to,
      reason: input.reason,
      by: input.by,
      at: input.at.toISOString(),
    },
  };
}

export const agentsOf = (...agents: (Agent | null)[]): string[] => [...new Set(agents.flatMap((a) => (a ? [a.id] : [])))];
