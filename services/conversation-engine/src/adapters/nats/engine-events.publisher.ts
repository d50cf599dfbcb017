import { engineEventSchema, type EngineEvent, type Topology } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { Logger } from '@app/logging';
import type { NatsConnection } from '@app/messaging';
import type { Changes } from '../../use-cases/shared/changes';
import { toConversationView, toMessageView } from '../../domain/views';
import type { EngineDatabase } from '../../db/database';
import { findLiveViews } from '../../db/repositories/live-views.repository';
import { assignmentEvents } from './assignment-events';
import { officeHoursEvents } from './office-hours-events';

export interface EventPublisher {
  /** Never throws: a failure is logged and the events are gone (consoles catch up through the REST API). */
  publish(changes: Changes): Promise<void>;
}

/**
 * Live events for admins, published on core NATS after a commit, never inside a transaction: an event must
 * not announce something that may still roll back. The views are read after the commit, so an event shows
 * the state as it is now. Notifications, not the record: not retried, not persisted.
 */
export function createEventPublisher(deps: {
  nc: NatsConnection;
  topology: Topology;
  db: Kysely<EngineDatabase>;
  log: Logger;
}): EventPublisher {
  const { nc, topology, db, log } = deps;
  const collect = async (changes: Changes): Promise<EngineEvent[]> => {
    const occurredAt = new Date().toISOString();
    const created = new Set(changes.messagesCreated);
    const statusChanged = new Set(changes.messagesStatus);
    const events: EngineEvent[] = [];
    const views = await findLiveViews(db, [...new Set([...created, ...statusChanged])], changes.conversations);
    for (const row of views.messages) {
      const message = toMessageView(row);
      if (created.has(row.id))
        events.push({ event: 'message.created', phone_number: row.phone_number, user_id: row.user_id, message, occurredAt });
      if (statusChanged.has(row.id))
        events.push({ event: 'message.status', phone_number: row.phone_number, user_id: row.user_id, message, occurredAt });
    }
    for (const row of views.conversations) {
      events.push({
        event: 'conversation.updated',
        phone_number: row.phone_number,
        user_id: row.user_id,
        conversation: toConversationView(row),
        occurredAt,
      });
    }
    events.push(...(await assignmentEvents(db, changes, occurredAt)));
    events.push(...(await officeHoursEvents(db, changes, occurredAt)));
    return events;
  };
  return {
    async publish(changes) {
      if (
        changes.messagesCreated.length +
          changes.messagesStatus.length +
          changes.conversations.length +
          (changes.assignments?.length ?? 0) +
          (changes.agents?.length ?? 0) +
          (changes.officeHours ? 1 : 0) ===
        0
      )
        return;
      try {
        for (const event of await collect(changes)) {
          const checked = engineEventSchema.safeParse(event);
          if (!checked.success) {
            log.error({ event: event.event, issues: checked.error.issues.slice(0, 3) }, 'live event breaks the contract; not published');
            continue;
          }
          nc.publish(topology.engineEventsSubject(event.event), JSON.stringify(checked.data));
        }
      } catch (error) {
        log.error({ err: error }, 'live events not published');
      }
    },
  };
}
