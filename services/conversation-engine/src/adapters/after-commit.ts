import type { Logger } from '@app/logging';
import type { Changes } from '../use-cases/changes';
import type { EventPublisher } from './nats/engine-events.publisher';

/**
 * What follows every commit, whoever committed (a student's message, a send result, an admin's command, the
 * sweep): the relay is woken for new outbound messages, admins get the live events, and when a waiting chat
 * left the line the students behind it may hear their new place (itself a commit, followed the same way).
 * Never throws: the transaction is committed and stays so; what failed here is logged.
 */
export function createAfterCommit(deps: { publisher: EventPublisher; kickRelay: () => void; refreshQueue: () => Promise<Changes>; log: Logger }) {
  const follow = async (changes: Changes): Promise<void> => {
    if (changes.messagesCreated.length > 0 || changes.relay) deps.kickRelay();
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

export type AfterCommit = ReturnType<typeof createAfterCommit>;
