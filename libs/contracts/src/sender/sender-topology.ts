import { topology, WIRE } from '../topology';

// WIRE VALUES: the names whatsapp-sender adds next to ../topology.ts (queues, job names, subjects, queue
// group). Renaming one is a breaking change for running deployments.

export const SENDER_WIRE = {
  queues: { mediaDownload: 'whatsapp-media-download' },
  jobs: { markRead: 'mark-read', downloadMedia: 'download-media' },
  subjects: {
    senderRpc: 'sender.rpc',
    /** Under the DELIVERY stream's subject space, next to `result`. */
    readResult: 'read-result',
    /** Interim notes on a send that is being retried (outbound-send-retrying.v1), next to its result. */
    sendRetrying: 'retrying',
    mediaDownloaded: 'media.downloaded',
    mediaDownloadFailed: 'media.failed',
  },
  /** Sender replicas share admin requests: each request is answered by one of them. */
  rpcQueueGroup: 'whatsapp-sender',
} as const;

/**
 * The sender's wire names under the same namespace rule as topology(): production runs without one, tests
 * and side-by-side deployments on shared NATS/Redis use one.
 */
export function senderTopology(namespace = '') {
  const t = topology(namespace); // validates the namespace
  const queuePrefix = namespace ? `${namespace}_` : '';
  const subjectPrefix = namespace ? `${namespace}.` : '';
  const delivery = `${subjectPrefix}${WIRE.subjects.delivery}`;
  return {
    namespace: t.namespace,
    deliveryStream: t.deliveryStream,
    /** Send jobs (WIRE.jobs.sendMessage) and mark-read jobs (SENDER_WIRE.jobs.markRead) share it. */
    outboundQueue: t.outboundQueue,
    mediaDownloadQueue: `${queuePrefix}${SENDER_WIRE.queues.mediaDownload}`,
    sendResultSubject: t.deliveryResultSubject,
    sendRetryingSubject: `${delivery}.${SENDER_WIRE.subjects.sendRetrying}`,
    readResultSubject: `${delivery}.${SENDER_WIRE.subjects.readResult}`,
    mediaDownloadedSubject: `${delivery}.${SENDER_WIRE.subjects.mediaDownloaded}`,
    mediaDownloadFailedSubject: `${delivery}.${SENDER_WIRE.subjects.mediaDownloadFailed}`,
    senderRpcSubject: (name: string) => `${subjectPrefix}${SENDER_WIRE.subjects.senderRpc}.${name}`,
    rpcQueueGroup: SENDER_WIRE.rpcQueueGroup,
  };
}

export type SenderTopology = ReturnType<typeof senderTopology>;
