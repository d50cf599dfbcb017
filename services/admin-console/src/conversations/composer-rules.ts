import type { Conversation } from '../api/types';

export type ComposerState = { canSend: true; hint: string | null } | { canSend: false; reason: string; offerTemplate: boolean };

/** Whether WhatsApp's 24-hour customer-service window is open (it opens with each student message). */
export function windowOpen(conversation: Conversation, now: number): boolean {
  const closes = conversation.service_window_expires_at;
  return closes !== null && Date.parse(closes) > now;
}

/**
 * What the send box allows, with the reason when it does not, mirroring what admin-api would answer
 * (409 chat_not_active, 422 outside_service_window) so the admin learns it before typing.
 */
export function composerState(conversation: Conversation, now: number): ComposerState {
  const open = conversation.support_status === 'waiting' || conversation.support_status === 'active';
  if (!windowOpen(conversation, now)) {
    return {
      canSend: false,
      reason:
        conversation.service_window_expires_at === null
          ? 'This student has never written to the school, so WhatsApp only lets a template message reach them.'
          : "The student's last message is more than 24 hours old: WhatsApp only lets a template message reach them until they write again.",
      offerTemplate: true,
    };
  }
  if (!open) {
    return { canSend: false, reason: 'This student is not in a support chat. Start a chat to write to them.', offerTemplate: false };
  }
  if (conversation.support_status === 'waiting') return { canSend: true, hint: 'Sending a message claims this chat.' };
  return { canSend: true, hint: null };
}
