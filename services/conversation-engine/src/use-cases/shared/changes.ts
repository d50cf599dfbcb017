import type { OutboxRow } from '../../db/repositories/outbox.repository';
import type { AssignmentChange } from '@app/contracts';

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
  /**
   * Ready outbox rows the transaction itself marked relayed (an inbound batch's sends): queued right after the
   * commit, with no relay run. Set (even empty) only by a writer that takes every ready row it writes through
   * its main statement; its other outbox writes set `relay`.
   */
  outboxTaken?: OutboxRow[];
  /** Chats whose assignee changed (assignment.changed events, and admin-api's audit of the engine's own). */
  assignments?: AssignedChange[];
  /** Agents whose availability, capacity or load changed (agent.updated events). */
  agents?: string[];
  /** The office-hours schedule or its closures changed (office_hours.updated). */
  officeHours?: boolean;
}

/** An assignment change with the student's ids, as live events name them. */
export interface AssignedChange {
  change: AssignmentChange;
  phoneNumber: string | null;
  userId: string | null;
}

/**
 * What a use case that writes returns: what came of it for its caller (an RPC's reply data, a consumer's log
 * line) and what its commit changed, for the caller to hand to what follows the commit.
 */
export interface Committed<O> {
  outcome: O;
  changes: Changes;
}

export const noChanges = (): Changes => ({ messagesCreated: [], messagesStatus: [], conversations: [], queueChanged: false });

export function mergeChanges(...all: Changes[]): Changes {
  return {
    messagesCreated: all.flatMap((c) => c.messagesCreated),
    messagesStatus: all.flatMap((c) => c.messagesStatus),
    conversations: [...new Set(all.flatMap((c) => c.conversations))],
    queueChanged: all.some((c) => c.queueChanged),
    // A part that did not take its own rows and wrote messages may have left ready rows for the relay.
    relay: all.some(
      (c) =>
        c.relay === true || (c.outboxTaken === undefined && c.messagesCreated.length > 0 && all.some((o) => o.outboxTaken !== undefined)),
    ),
    ...(all.some((c) => c.outboxTaken !== undefined) ? { outboxTaken: all.flatMap((c) => c.outboxTaken ?? []) } : {}),
    ...(all.some((c) => c.assignments !== undefined) ? { assignments: all.flatMap((c) => c.assignments ?? []) } : {}),
    ...(all.some((c) => c.agents !== undefined) ? { agents: [...new Set(all.flatMap((c) => c.agents ?? []))] } : {}),
    ...(all.some((c) => c.officeHours) ? { officeHours: true } : {}),
  };
}
