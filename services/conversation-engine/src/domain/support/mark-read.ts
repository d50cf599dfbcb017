/**
 * Whether opening a conversation marks the student's newest message read on WhatsApp (blue ticks), and with
 * a typing indicator. Only inside the 24-hour window: outside it the read receipt can be refused and no reply
 * could follow anyway. The typing indicator only during a support chat, where a person is about to answer:
 * Meta asks to show it only when a response is coming, and it stays up to 25 s or until our next message.
 * Meta marks every earlier message read with it, so the newest is the only one ever named; one mark-read per
 * message, so opening the conversation again asks for nothing new until the student writes again.
 */
export function planMarkRead(input: {
  newestInbound: { id: string; wamid: string | null } | undefined;
  windowOpen: boolean;
  inSupportChat: boolean;
}): { messageId: string; wamid: string; typingIndicator: boolean } | undefined {
  const message = input.newestInbound;
  if (!message?.wamid || !input.windowOpen) return undefined;
  return { messageId: message.id, wamid: message.wamid, typingIndicator: input.inSupportChat };
}
