/**
 * What one committed transaction changed, for what follows the commit: live events for admins (never
 * published inside the transaction), the outbox relay, and queue positions when the line moved.
 */
export interface Changes {
  messagesCreated: string[];
  messagesStatus: string[];
  conversations: string[];
  /** A waiting chat left the line (claimed, started, ended): the students behind it moved up. */
  queueChanged: boolean;
  /**
   * Outbox rows became ready without a new message: a job written (a mark-as-read) or one completed (a send
   * or read result lets the student's next message go). Wakes the relay rather than waiting for its timer.
   */
  relay?: boolean;
}

export const noChanges = (): Changes => ({ messagesCreated: [], messagesStatus: [], conversations: [], queueChanged: false });

export function mergeChanges(...all: Changes[]): Changes {
  return {
    messagesCreated: all.flatMap((c) => c.messagesCreated),
    messagesStatus: all.flatMap((c) => c.messagesStatus),
    conversations: [...new Set(all.flatMap((c) => c.conversations))],
    queueChanged: all.some((c) => c.queueChanged),
    relay: all.some((c) => c.relay === true),
  };
}
