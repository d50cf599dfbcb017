import { jetstream, type JetStreamClient, type PubAck } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { WIRE } from '@app/contracts';
import { inProducerSpan, injectNatsHeaders } from '@app/telemetry';

class PublishError extends Error {
  override name = 'PublishError';
  readonly code = 'publish_failed' as const;
  readonly retryable = true;
}

/**
 * The event is larger than the NATS server's max_payload: no retry can store it, so the caller answers with a
 * 4xx instead of a retryable failure (Meta would otherwise redeliver it for days).
 */
export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
  readonly code = 'payload_too_large' as const;
  readonly retryable = false;
}

function exceedsMaxPayload(error: unknown): boolean {
  return error instanceof Error && /max_payload/.test(error.message);
}

export interface PublishableEvent {
  id: string;
  correlationId: string;
  /** The envelope's type: names the PRODUCER span of a traced publish. */
  type?: string;
}

export function jetStreamClient(nc: NatsConnection, timeoutMs = 5_000): JetStreamClient {
  return jetstream(nc, { timeout: timeoutMs });
}

/**
 * Publishes one event with msgID = event id (JetStream drops a repeat inside the duplicate window) and the
 * correlation id in a header, and resolves only once the stream has stored it.
 */
export async function publishEvent(js: JetStreamClient, subject: string, event: PublishableEvent): Promise<PubAck> {
  // Inside a trace (tracing on, an active span) the publish is a PRODUCER span whose context rides in the
  // headers (traceparent/tracestate); otherwise neither span nor header: no cost.
  const attributes = {
    'messaging.system': 'nats',
    'messaging.operation.type': 'send',
    'messaging.destination.name': subject,
    'messaging.message.id': event.id,
  };
  return inProducerSpan(`publish ${event.type ?? 'event'}`, attributes, async () => {
    const h = headers();
    h.set(WIRE.headers.correlationId, event.correlationId);
    injectNatsHeaders(h);
    try {
      return await js.publish(subject, JSON.stringify(event), { msgID: event.id, headers: h });
    } catch (error) {
      if (exceedsMaxPayload(error)) throw new PayloadTooLargeError(`${event.id} is larger than the server's max_payload`, { cause: error });
      throw new PublishError(`could not publish ${event.id} to ${subject}`, { cause: error });
    }
  });
}
