// The support chat's lifecycle, as admins drive it: none -> waiting (the student asked) -> active (an admin
// claimed it, started it or answered it) -> ended (by the student, an admin, or the closing 24-hour window).
// Each function says what one command does to the conversation's open chat; the use case carries it out.

export interface Agent {
  id: string;
  name: string;
}

export interface OpenChat {
  status: 'waiting' | 'active';
  assignedTo: Agent | null;
}

export type Refusal = { kind: 'refuse'; code: 'chat_not_active' | 'already_claimed'; message: string };

export type ChatTransition =
  /** No open chat: a new one, active and assigned to the agent. */
  | { kind: 'open' }
  /** The waiting chat becomes active, assigned to the agent. */
  | { kind: 'claim' }
  /** Already active: assignment unchanged. */
  | { kind: 'keep' }
  | Refusal;

const NOT_ACTIVE: Refusal = { kind: 'refuse', code: 'chat_not_active', message: 'the student is not in a support chat' };
const takenBy = (owner: Agent | null): Refusal => ({
  kind: 'refuse',
  code: 'already_claimed',
  message: `the chat is already taken by ${owner?.name ?? 'another admin'}`,
});

const heldByOther = (chat: OpenChat, agent: Agent) => chat.status === 'active' && chat.assignedTo?.id !== agent.id;

/** chat.start: any conversation, even one not asking; joining a chat another admin holds is refused. */
export function onStart(chat: OpenChat | null, agent: Agent): ChatTransition {
  if (!chat) return { kind: 'open' };
  if (chat.status === 'waiting') return { kind: 'claim' };
  return heldByOther(chat, agent) ? takenBy(chat.assignedTo) : { kind: 'keep' };
}

/** chat.claim: only an open chat; claiming one's own chat again is a no-op, someone else's is refused. */
export function onClaim(chat: OpenChat | null, agent: Agent): ChatTransition {
  if (!chat) return NOT_ACTIVE;
  if (chat.status === 'waiting') return { kind: 'claim' };
  return heldByOther(chat, agent) ? takenBy(chat.assignedTo) : { kind: 'keep' };
}

/**
 * chat.send: while waiting (sending claims it) or active. Any admin may write into an active chat (a colleague
 * covering, a supervisor stepping in); the chat stays assigned to its owner and the message carries the
 * sender's own name, so the history says who wrote what.
 */
export function onSend(chat: OpenChat | null): ChatTransition {
  if (!chat) return NOT_ACTIVE;
  return chat.status === 'waiting' ? { kind: 'claim' } : { kind: 'keep' };
}

/** chat.end: any admin may end an open chat, waiting or active. */
export function onEnd(chat: OpenChat | null): { kind: 'end' } | Refusal {
  return chat ? { kind: 'end' } : NOT_ACTIVE;
}
