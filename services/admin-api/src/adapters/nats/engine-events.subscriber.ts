import { engineEventSchema, type EngineEvent, type Topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import type { NatsConnection } from '@app/messaging';
import { describeIssues } from '../http/validation';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Every engine event, on every replica: a plain subscription, no queue group, because each replica has its
 * own SSE clients. An event that breaks the contract is dropped with a log line, never forwarded. Ends with
 * the connection's drain at shutdown.
 */
export function subscribeEngineEvents(opts: { nc: NatsConnection; topology: Topology; log: Logger; onEvent(event: EngineEvent): void }): void {
  const { nc, topology, log, onEvent } = opts;
  nc.subscribe(topology.engineEventsSubject('>'), {
    callback: (error, msg) => {
      if (error) {
        log.error({ err: error }, 'engine events subscription failed');
        return;
      }
      const parsed = engineEventSchema.safeParse(parseJson(msg.string()));
      if (!parsed.success) {
        log.warn({ subject: msg.subject, problems: describeIssues(parsed.error, 'event') }, 'engine event invalid; dropped');
        return;
      }
      onEvent(parsed.data);
    },
  });
}
