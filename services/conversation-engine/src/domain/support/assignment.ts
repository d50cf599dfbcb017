import type { Availability } from '@app/contracts';

// Who gets a chat. Pure: the use cases read the rows under their locks and decide with these.

export interface AgentCandidate {
  id: string;
  name: string;
  capacity: number;
  /** Active chats assigned to them now. */
  load: number;
  /**
   * Idle since: their last assignment, or the end (or hand-back) of their last chat, whichever is later.
   * Longest idle first breaks ties, so a quiet agent gets the next chat before one who just got one.
   */
  idleSince: Date;
}

/** What the agent chose counts only while a console of theirs is open (presence not expired). */
export function effectiveAvailability(chosen: Availability, seenUntil: Date | null, now: Date): Availability {
  if (seenUntil === null || seenUntil.getTime() <= now.getTime()) return 'offline';
  return chosen;
}

/**
 * The available agent with the most free capacity; ties: longest idle, then id (deterministic). Null when
 * nobody has room. `candidates` are available agents only.
 */
export function pickAgent(candidates: readonly AgentCandidate[], exclude: ReadonlySet<string> = new Set()): AgentCandidate | null {
  let best: AgentCandidate | null = null;
  for (const c of candidates) {
    if (exclude.has(c.id) || c.capacity - c.load <= 0) continue;
    if (!best || better(c, best)) best = c;
  }
  return best;
}

function better(a: AgentCandidate, b: AgentCandidate): boolean {
  const freeA = a.capacity - a.load;
  const freeB = b.capacity - b.load;
  if (freeA !== freeB) return freeA > freeB;
  if (a.idleSince.getTime() !== b.idleSince.getTime()) return a.idleSince.getTime() < b.idleSince.getTime();
  return a.id < b.id;
}

/**
 * Since when the student has been waiting for the assignee's answer, or null when they are not: from the
 * assignment when nobody answered since, else from the student's first message after the last answer.
 */
export function unansweredSince(chat: { assignedAt: Date; agentRepliedAt: Date | null }, firstInboundAfterReply: Date | null): Date | null {
  if (chat.agentRepliedAt === null || chat.agentRepliedAt.getTime() < chat.assignedAt.getTime()) return chat.assignedAt;
  return firstInboundAfterReply;
}

/** Auto-reassign is due: on (after > 0) and the student has waited that long for an answer. */
export function reassignDue(since: Date | null, afterSeconds: number, now: Date): boolean {
  if (afterSeconds <= 0 || since === null) return false;
  return now.getTime() - since.getTime() >= afterSeconds * 1000;
}

/** The history line of an assignment change (team only, never sent). */
export function assignmentLine(change: {
  reason: 'unanswered' | 'transferred' | 'assigned' | 'handed_back';
  from: string | null;
  to: string | null;
  afterSeconds?: number;
}): string {
  const to = change.to ?? 'the queue';
  switch (change.reason) {
    case 'unanswered':
      return `Reassigned from ${change.from ?? 'nobody'} to ${to}: no answer to the student for ${formatDuration(change.afterSeconds ?? 0)}.`;
    case 'handed_back':
      return `${change.from ?? 'The agent'} handed the chat back to the queue.`;
    case 'transferred':
      return `Transferred from ${change.from ?? 'nobody'} to ${to}.`;
    case 'assigned':
      return `Assigned to ${to}.`;
  }
}

function formatDuration(seconds: number): string {
  if (seconds % 60 === 0 && seconds >= 60) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
