import { engineEventSchema, type EngineEvent, type Topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { NatsConnection } from '@app/messaging';

/**
 * conversation.erased, published after the erasure committed: consoles drop the conversation. It carries the
 * ids consoles know it by, and nothing else. Never throws (a console that missed it finds the conversation gone).
 */
export function erasedEventPublisher(deps: { nc: NatsConnection; topology: Topology; log: Logger }) {
  return (student: { phoneNumber: string | null; userId: string | null }): void => {
    const event: EngineEvent = {
      event: 'conversation.erased',
      phone_number: student.phoneNumber,
      user_id: student.userId,
      occurredAt: new Date().toISOString(),
    };
    try {
      deps.nc.publish(deps.topology.engineEventsSubject(event.event), JSON.stringify(engineEventSchema.parse(event)));
    } catch (error) {
      deps.log.error({ err: error }, 'conversation.erased not published');
    }
  };
}
