import type { OpenChat } from './lifecycle';

export type TypingPlan =
  | { kind: 'send'; messageId: string; wamid: string }
  | { kind: 'skip'; reason: 'throttled' | 'no_inbound_message' | 'outside_service_window' }
  | { kind: 'refuse'; code: 'chat_not_active'; message: string };

/**
 * Whether an admin typing in the chat shows the student WhatsApp's typing indicator now. Only in an active
 * chat (someone is answering: Meta asks to show it only when a reply is coming), inside the 24-hour window
 * (no reply could follow otherwise), on the student's newest message, and at most once per `intervalMs`:
 * Meta shows it for up to 25 s, so one call per interval keeps it up while the admin keeps typing.
 */
export function planTypingIndicator(input: {
  chat: OpenChat | null;
  newestInbound: { id: string; wamid: string | null } | undefined;
  windowOpen: boolean;
  lastIndicatedAt: Date | null;
  now: Date;
  intervalMs: number;
}): TypingPlan {
  if (input.chat?.status !== 'active') return { kind: 'refuse', code: 'chat_not_active', message: 'the support chat is not active' };
  const message = input.newestInbound;
  if (!message?.wamid) return { kind: 'skip', reason: 'no_inbound_message' };
  if (!input.windowOpen) return { kind: 'skip', reason: 'outside_service_window' };
  const last = input.lastIndicatedAt;
  // A clock that went back (another replica's) counts as recent: better one indicator less than two at once.
  if (last && input.now.getTime() - last.getTime() < input.intervalMs) return { kind: 'skip', reason: 'throttled' };
  return { kind: 'send', messageId: message.id, wamid: message.wamid };
}
