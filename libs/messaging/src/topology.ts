import {
  AckPolicy,
  DeliverPolicy,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import type { Topology } from '@app/contracts';

export interface StreamSpec {
  name: string;
  subjects: string[];
  /** Messages older than this are dropped; long enough to replay after an outage. */
  maxAgeMs: number;
  /** JetStream's own dedupe by msgID. The durable dedupe is the engine's table; this catches fast repeats. */
  duplicateWindowMs: number;
}

export interface PullConsumerSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs: number;
  /** 1 = strict order: the next message is not delivered before this one is acked or its ack wait runs out. */
  maxAckPending: number;
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && /not found/i.test(error.message);
}

/** Creates the stream, or brings an existing one to the spec. Safe to run from every replica at every start. */
export async function ensureStream(jsm: JetStreamManager, spec: StreamSpec): Promise<void> {
  const config = {
    name: spec.name,
    subjects: spec.subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: nanos(spec.maxAgeMs),
    duplicate_window: nanos(spec.duplicateWindowMs),
  };
  try {
    await jsm.streams.info(spec.name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await jsm.streams.add(config);
      return;
    } catch (addError) {
      // Another replica created it between our info and add: fall through to the update.
      if (!/already in use|exists/i.test(String(addError))) throw addError;
    }
  }
  await jsm.streams.update(spec.name, {
    subjects: config.subjects,
    max_age: config.max_age,
    duplicate_window: config.duplicate_window,
  });
}

/** Creates the durable pull consumer, or updates the settings that may change on an existing one. */
export async function ensurePullConsumer(jsm: JetStreamManager, spec: PullConsumerSpec): Promise<void> {
  const config: Partial<ConsumerConfig> = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: spec.filterSubject,
    ack_wait: nanos(spec.ackWaitMs),
    max_ack_pending: spec.maxAckPending,
    // Never give up on a message by delivery count: a poison message is terminated by the handler instead.
    max_deliver: -1,
  };
  try {
    await jsm.consumers.info(spec.stream, spec.durable);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await jsm.consumers.add(spec.stream, config);
      return;
    } catch (addError) {
      if (!/already (in use|exists)/i.test(String(addError))) throw addError;
    }
  }
  await jsm.consumers.update(spec.stream, spec.durable, {
    ack_wait: config.ack_wait,
    max_ack_pending: config.max_ack_pending,
    max_deliver: config.max_deliver,
  });
}

export async function manager(nc: NatsConnection): Promise<JetStreamManager> {
  return jetstreamManager(nc);
}

/**
 * The streams of the system, one definition for every service that ensures them (gateway and engine for
 * INBOUND, engine and sender for DELIVERY): whichever starts first creates a stream, and none can drift.
 * Seven days covers Meta's own redelivery horizon; the duplicate window only catches fast repeats (the
 * durable dedupe is the engine's table).
 */
export function streamSpecs(t: Topology): { inbound: StreamSpec; delivery: StreamSpec } {
  const common = { maxAgeMs: 7 * 24 * 3600_000, duplicateWindowMs: 2 * 60_000 };
  return {
    inbound: { name: t.inboundStream, subjects: [t.inboundStreamSubjects], ...common },
    delivery: { name: t.deliveryStream, subjects: [t.deliveryStreamSubjects], ...common },
  };
}
