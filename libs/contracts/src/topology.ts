// WIRE VALUES: every name below is seen by another process (NATS subjects, JetStream streams and durable
// consumers, BullMQ queues). Renaming one is a breaking change for running deployments.

/**
 * One student's inbound events always land in the same partition (partitionOf(studentKey(...))), and each
 * partition is leased to one engine replica at a time, which handles its events in stream order: whatever the
 * number of replicas, a student's events are handled one after another. Changing the count re-shuffles
 * students between partitions: drain first.
 */
export const INBOUND_PARTITIONS = 16;

export const WIRE = {
  streams: { inbound: 'INBOUND', delivery: 'DELIVERY' },
  subjects: { inbound: 'wa.inbound', delivery: 'wa.delivery', engineRpc: 'engine.rpc', engineEvents: 'engine.events' },
  consumers: { engineInbound: 'engine-inbound', engineDelivery: 'engine-delivery' },
  queues: { outbound: 'whatsapp-outbound' },
  jobs: { sendMessage: 'send-message' },
  headers: { correlationId: 'x-correlation-id' },
} as const;

/** `echo`: a message the school sent from the WhatsApp Business app (coexistence), on the student's partition. */
export type InboundKind = 'message' | 'status' | 'echo';

const NAMESPACE_PATTERN = /^[a-z][a-z0-9_-]{0,39}$/;

/**
 * Every wire name, optionally under a namespace. Production runs without one; tests and side-by-side
 * deployments sharing one NATS/Redis use a namespace so their streams, consumers and queues never meet.
 */
export function topology(namespace = '') {
  if (namespace !== '' && !NAMESPACE_PATTERN.test(namespace)) {
    throw new Error(`namespace must match ${NAMESPACE_PATTERN.source}`);
  }
  const streamPrefix = namespace ? `${namespace}_` : '';
  const subjectPrefix = namespace ? `${namespace}.` : '';
  const inbound = `${subjectPrefix}${WIRE.subjects.inbound}`;
  const delivery = `${subjectPrefix}${WIRE.subjects.delivery}`;
  return {
    namespace,
    partitions: INBOUND_PARTITIONS,
    inboundStream: `${streamPrefix}${WIRE.streams.inbound}`,
    inboundStreamSubjects: `${inbound}.>`,
    inboundSubject: (partition: number, kind: InboundKind) => `${inbound}.p${partition}.${kind}`,
    inboundPartitionFilter: (partition: number) => `${inbound}.p${partition}.>`,
    inboundConsumer: (partition: number) => `${WIRE.consumers.engineInbound}-p${partition}`,
    deliveryStream: `${streamPrefix}${WIRE.streams.delivery}`,
    deliveryStreamSubjects: `${delivery}.>`,
    deliveryResultSubject: `${delivery}.result`,
    deliveryConsumer: WIRE.consumers.engineDelivery,
    engineRpcSubject: (name: string) => `${subjectPrefix}${WIRE.subjects.engineRpc}.${name}`,
    engineEventsSubject: (name: string) => `${subjectPrefix}${WIRE.subjects.engineEvents}.${name}`,
    outboundQueue: `${streamPrefix}${WIRE.queues.outbound}`,
  };
}

export type Topology = ReturnType<typeof topology>;

/** FNV-1a over the student's key (studentKey: their BSUID, else their phone): stable across processes, languages and restarts. */
export function partitionOf(waId: string, partitions = INBOUND_PARTITIONS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < waId.length; i++) {
    hash ^= waId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}
