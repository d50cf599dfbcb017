import { engineEventSchema, parse, type EngineEvent, type Topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { NatsConnection } from '@app/messaging';

/**
 * Every engine event, on every replica: a plain subscription, no queue group, because each replica has its
 * own SSE clients. An event that breaks the contract is dropped with a log line, never forwarded. Ends with
 * the connection's drain at shutdown.
 */
export function subscribeEngineEvents(opts: {
  nc: NatsConnection;
  topology: Topology;
  log: Logger;
  onEvent(event: EngineEvent): void;
}): void {
  const { nc, topology, log, onEvent } = opts;
  nc.subscribe(topology.engineEventsSubject('>'), {
    callback: (error, msg) => {
      if (error) {
        log.error({ err: error }, 'engine events subscription failed');
        return;
      }
      const parsed = parse(engineEventSchema, msg.data, { root: 'event' });
      if (!parsed.ok) {
        log.warn({ subject: msg.subject, problems: parsed.reason }, 'engine event invalid; dropped');
        return;
      }
      onEvent(parsed.value);
    },
  });
}
