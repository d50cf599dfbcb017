import type { Logger } from '@app/logging';
import type { Changes } from '../use-cases/shared/changes';
import type { EventPublisher } from './nats/engine-events.publisher';

/**
 * What follows every commit, whoever committed (a student's message, a send result, an admin's command, the
 * sweep): the sends the transaction took are queued and the relay is woken for the other new outbound messages, admins get the live events, and when a waiting chat
 * left the line the students behind it may hear their new place (itself a commit, followed the same way).
 * Never throws: the transaction is committed and stays so; what failed here is logged.
 */
export function createAfterCommit(deps: {
  publisher: EventPublisher;
  kickRelay: () => void;
  /** Queues rows the transaction took for the queue itself; never throws (gives them back to the relay). */
  queueTaken: (rows: NonNullable<Changes['outboxTaken']>) => Promise<void>;
  refreshQueue: () => Promise<Changes>;
  log: Logger;
}) {
  const follow = async (changes: Changes): Promise<void> => {
    if (changes.outboxTaken !== undefined && changes.outboxTaken.length > 0) await deps.queueTaken(changes.outboxTaken);
    // A writer that took its own ready rows needs the relay only for what it wrote otherwise (`relay`).
    if (changes.relay || (changes.outboxTaken === undefined && changes.messagesCreated.length > 0)) deps.kickRelay();
    await deps.publisher.publish(changes);
    if (!changes.queueChanged) return;
    let refreshed: Changes;
    try {
      refreshed = await deps.refreshQueue();
    } catch (error) {
      deps.log.error({ err: error }, 'queue positions not refreshed; the next sweep will');
      return;
    }
    await follow({ ...refreshed, queueChanged: false });
  };
  return follow;
}
