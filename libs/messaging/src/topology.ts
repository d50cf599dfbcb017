import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamInfo,
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
  /**
   * Copies of the stream in a NATS cluster (JETSTREAM_REPLICAS, 1 when unset): a new stream gets this many,
   * an existing one with fewer is raised to it. Never lowered by a service (see ensureStream).
   */
  replicas?: number;
}

export interface PullConsumerSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs: number;
  /** 1 = strict order: the next message is not delivered before this one is acked or its ack wait runs out. */
  maxAckPending: number;
}

/** A durable pull consumer and the stream it lives in: what a consuming loop re-creates when either is lost. */
export interface ConsumerTopology {
  stream: StreamSpec;
  consumer: PullConsumerSpec;
}

/** The server says the stream or the consumer does not exist (deleted, or NATS restarted without its store). */
export function isMissingResource(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamNotFound || error.code === JetStreamApiCodes.ConsumerNotFound)
  );
}

/**
 * Creates the stream, or brings an existing one to the spec. Safe to run from every replica at every start.
 *
 * Replicas: a new stream gets `spec.replicas`; an existing one with fewer is raised to it (JetStream copies
 * it to the new peers in the background, and its consumers follow). One with more keeps them: a count an
 * operator raised by hand, or a replica of an older release starting with a lower setting during a rollout,
 * must not take durability away. Lowering is a deliberate step (`nats stream edit --replicas`).
 */
export async function ensureStream(jsm: JetStreamManager, spec: StreamSpec): Promise<StreamInfo> {
  const replicas = spec.replicas ?? 1;
  const config = {
    name: spec.name,
    subjects: spec.subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: nanos(spec.maxAgeMs),
    duplicate_window: nanos(spec.duplicateWindowMs),
    num_replicas: replicas,
  };
  let existing: StreamInfo;
  try {
    existing = await jsm.streams.info(spec.name);
  } catch (error) {
    if (!isMissingResource(error)) throw error;
    try {
      return await jsm.streams.add(config);
    } catch (addError) {
      // Another replica created it between our info and add: fall through to the update.
      if (!/already in use|exists/i.test(String(addError))) throw addError;
      existing = await jsm.streams.info(spec.name);
    }
  }
  return await jsm.streams.update(spec.name, {
    subjects: config.subjects,
    max_age: config.max_age,
    duplicate_window: config.duplicate_window,
    num_replicas: Math.max(replicas, existing.config.num_replicas),
  });
}

/**
 * Creates the durable pull consumer, or updates the settings that may change on an existing one. A new one
 * delivers the whole stream, or from `startSeq` on (see ensureConsumerTopology); an existing one keeps its
 * position whatever is asked. Resolves true when it created the consumer.
 */
export async function ensurePullConsumer(jsm: JetStreamManager, spec: PullConsumerSpec, startSeq?: number): Promise<boolean> {
  const config: Partial<ConsumerConfig> = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    ...(startSeq === undefined
      ? { deliver_policy: DeliverPolicy.All }
      : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: startSeq }),
    filter_subject: spec.filterSubject,
    ack_wait: nanos(spec.ackWaitMs),
    max_ack_pending: spec.maxAckPending,
    // Never give up on a message by delivery count: a poison message is terminated by the handler instead.
    max_deliver: -1,
  };
  try {
    await jsm.consumers.info(spec.stream, spec.durable);
  } catch (error) {
    if (!isMissingResource(error)) throw error;
    try {
      await jsm.consumers.add(spec.stream, config);
      return true;
    } catch (addError) {
      if (!/already (in use|exists)/i.test(String(addError))) throw addError;
    }
  }
  await jsm.consumers.update(spec.stream, spec.durable, {
    ack_wait: config.ack_wait,
    max_ack_pending: config.max_ack_pending,
    max_deliver: config.max_deliver,
  });
  return false;
}

/** Where a re-created consumer resumes: the stream it was reading (its creation time) and its last ack floor. */
export interface ResumePoint {
  streamCreated: string;
  ackFloorSeq: number;
}

/**
 * Ensures the stream, then the consumer: the one function a consuming loop calls to re-create what it lost,
 * with the specs it was started with.
 *
 * Where a re-created consumer starts (its deliver policy) decides between losing and doubling:
 * - The stream is the one we were reading (same creation time; only the consumer was deleted): its messages
 *   are all still there, acked or not. `New` would skip every message not yet acked and everything published
 *   while the consumer was missing. `All` loses nothing but replays the stream's whole retention (days).
 *   So it starts right after the last ack floor we saw: everything at or below it was acked (a floor only
 *   rises), everything above is delivered again, and the ones acked since we looked are duplicates the
 *   consumers absorb (the engine's dedupe row: a redelivery only re-acks).
 * - The stream was re-created (another creation time, or we never saw it): its sequences started again at 1
 *   and everything in it is new to us, so `All`. Our old floor would skip that many new messages.
 */
export async function ensureConsumerTopology(
  jsm: JetStreamManager,
  topology: ConsumerTopology,
  resume?: ResumePoint,
): Promise<{ stream: StreamInfo; consumerCreated: boolean }> {
  const stream = await ensureStream(jsm, topology.stream);
  const sameStream = resume !== undefined && resume.streamCreated === stream.created;
  const startSeq = sameStream && resume.ackFloorSeq > 0 ? resume.ackFloorSeq + 1 : undefined;
  return { stream, consumerCreated: await ensurePullConsumer(jsm, topology.consumer, startSeq) };
}

export async function manager(nc: NatsConnection): Promise<JetStreamManager> {
  return jetstreamManager(nc);
}

/**
 * The streams of the system, one definition for every service that ensures them (gateway and engine for
 * INBOUND, engine and sender for DELIVERY): whichever starts first creates a stream, and none can drift.
 * Seven days covers Meta's own redelivery horizon; the duplicate window only catches fast repeats (the
 * durable dedupe is the engine's table). `replicas` is JETSTREAM_REPLICAS: give every service that ensures a
 * stream the same (a new stream takes the count of whichever creates it; a higher one elsewhere raises it).
 */
export function streamSpecs(t: Topology, opts: { replicas?: number } = {}): { inbound: StreamSpec; delivery: StreamSpec } {
  const common = { maxAgeMs: 7 * 24 * 3600_000, duplicateWindowMs: 2 * 60_000, replicas: opts.replicas ?? 1 };
  return {
    inbound: { name: t.inboundStream, subjects: [t.inboundStreamSubjects], ...common },
    delivery: { name: t.deliveryStream, subjects: [t.deliveryStreamSubjects], ...common },
  };
}

/**
 * The engine's durable consumers with their streams: one definition for what it ensures at start and what its
 * loops re-create when one is lost, so a re-created consumer cannot drift from the original. A partition
 * hands out one batch at a time (max_ack_pending = its batch); the delivery consumer is shared by replicas.
 */
export function engineConsumerTopologies(
  t: Topology,
  opts: { ackWaitMs: number; inboundMaxAckPending: number; deliveryMaxAckPending: number; streamReplicas?: number },
) {
  const streams = streamSpecs(t, { replicas: opts.streamReplicas });
  return {
    inbound: (partition: number): ConsumerTopology => ({
      stream: streams.inbound,
      consumer: {
        stream: t.inboundStream,
        durable: t.inboundConsumer(partition),
        filterSubject: t.inboundPartitionFilter(partition),
        ackWaitMs: opts.ackWaitMs,
        maxAckPending: opts.inboundMaxAckPending,
      },
    }),
    delivery: {
      stream: streams.delivery,
      consumer: {
        stream: t.deliveryStream,
        durable: t.deliveryConsumer,
        filterSubject: t.deliveryStreamSubjects,
        ackWaitMs: opts.ackWaitMs,
        maxAckPending: opts.deliveryMaxAckPending,
      },
    } satisfies ConsumerTopology,
  };
}
