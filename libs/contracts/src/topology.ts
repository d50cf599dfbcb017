import { INBOUND_PARTITIONS, WIRE } from './wire';

/** `echo`: a message the school sent from the WhatsApp Business app (coexistence), on the student's partition. */
export type InboundKind = 'message' | 'status' | 'echo';

const NAMESPACE_PATTERN = /^[a-z][a-z0-9_-]{0,39}$/;

/**
 * Every wire name (wire.ts), optionally under a namespace. Production runs without one; tests and side-by-side
 * deployments sharing one NATS/Redis use a namespace so their streams, consumers and queues never meet.
 * Queue groups are not namespaced: the subjects they listen on are.
 */
export function topology(namespace = '') {
  if (namespace !== '' && !NAMESPACE_PATTERN.test(namespace)) {
    throw new Error(`namespace must match ${NAMESPACE_PATTERN.source}`);
  }
  const streamPrefix = namespace ? `${namespace}_` : '';
  const subjectPrefix = namespace ? `${namespace}.` : '';
  const inbound = `${subjectPrefix}${WIRE.subjects.inbound}`;
  const delivery = `${subjectPrefix}${WIRE.subjects.delivery}`;
  const under = WIRE.deliverySubjects;
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
    deliveryResultSubject: `${delivery}.${under.sendResult}`,
    deliveryConsumer: WIRE.consumers.engineDelivery,
    engineRpcSubject: (name: string) => `${subjectPrefix}${WIRE.subjects.engineRpc}.${name}`,
    engineRpcQueueGroup: WIRE.queueGroups.engineRpc,
    engineEventsSubject: (name: string) => `${subjectPrefix}${WIRE.subjects.engineEvents}.${name}`,
    /** Send jobs (WIRE.jobs.sendMessage) and mark-read jobs (WIRE.jobs.markRead) share it. */
    outboundQueue: `${streamPrefix}${WIRE.queues.outbound}`,
    mediaDownloadQueue: `${streamPrefix}${WIRE.queues.mediaDownload}`,
    /** The same subject as deliveryResultSubject, as the sender names it. */
    sendResultSubject: `${delivery}.${under.sendResult}`,
    sendRetryingSubject: `${delivery}.${under.sendRetrying}`,
    readResultSubject: `${delivery}.${under.readResult}`,
    mediaDownloadedSubject: `${delivery}.${under.mediaDownloaded}`,
    mediaDownloadFailedSubject: `${delivery}.${under.mediaDownloadFailed}`,
    senderRpcSubject: (name: string) => `${subjectPrefix}${WIRE.subjects.senderRpc}.${name}`,
    senderRpcQueueGroup: WIRE.queueGroups.senderRpc,
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
