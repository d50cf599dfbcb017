import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DOWNLOAD_MEDIA_JOB_OPTIONS, mediaDownloadJobId, SEND_JOB_OPTIONS, WIRE, type Topology } from '@app/contracts';
import type { OutboxJob } from '../../domain/outbox-job';
import { openSendJobSpans } from './send-job-spans';

/**
 * The producer side of the sender's queues. Sends and mark-reads share the outbound queue (the sender keeps
 * one number's limits for both), job id = message id or request id; downloads have their own queue, job id =
 * the media id's. Re-adding a job that is still queued is a no-op.
 */
export function createOutboundQueues(connection: Redis, names: Pick<Topology, 'outboundQueue' | 'mediaDownloadQueue'>) {
  const outbound = new Queue(names.outboundQueue, { connection });
  const media = new Queue(names.mediaDownloadQueue, { connection });
  type BulkJob = { name: string; data: unknown; opts: { jobId: string } & typeof SEND_JOB_OPTIONS };
  const toOutbound = (job: OutboxJob): BulkJob[] => {
    if (job.kind === 'send')
      return [{ name: WIRE.jobs.sendMessage, data: job.data, opts: { ...SEND_JOB_OPTIONS, jobId: job.data.messageId } }];
    if (job.kind === 'mark_read' || job.kind === 'typing')
      return [{ name: WIRE.jobs.markRead, data: job.data, opts: { ...SEND_JOB_OPTIONS, jobId: job.data.requestId } }];
    return [];
  };
  const enqueueAll = async (jobs: OutboxJob[]) => {
    const ordered = jobs.flatMap(toOutbound);
    const downloads = jobs.flatMap((job) =>
      job.kind === 'download_media'
        ? [
            {
              name: WIRE.jobs.downloadMedia,
              data: job.data,
              opts: { ...DOWNLOAD_MEDIA_JOB_OPTIONS, jobId: mediaDownloadJobId(job.data.mediaId) },
            },
          ]
        : [],
    );
    if (ordered.length > 0) await outbound.addBulk(ordered);
    if (downloads.length > 0) await media.addBulk(downloads);
  };
  return {
    queues: [outbound, media],
    enqueue: async (jobs: OutboxJob[]) => {
      // Traced sends (their rows stored a trace context) are a PRODUCER span each; the rest cost nothing.
      const sends = openSendJobSpans(jobs, names.outboundQueue);
      try {
        await enqueueAll(sends.jobs);
      } catch (error) {
        sends.end(error);
        throw error;
      }
      sends.end();
    },
    close: () => Promise.all([outbound.close(), media.close()]).then(() => undefined),
  };
}
