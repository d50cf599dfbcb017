import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { describeIssues, DOWNLOAD_MEDIA_JOB_OPTIONS, downloadMediaJobSchema, WIRE, type DownloadMediaJob } from '@app/contracts';
import type { Logger } from '@app/logging';
import { backoffDelayMs } from '../../domain/retry-policy';
import type { SendDecision } from '../../use-cases/ports';
import { applyDecision } from './job-decision';

/*
 * Producer contract (the engine, through its outbox), on queue `topology(ns).mediaDownloadQueue`:
 *   queue.add(WIRE.jobs.downloadMedia, downloadMediaJobSchema data,
 *             { ...DOWNLOAD_MEDIA_JOB_OPTIONS, jobId: mediaDownloadJobId(mediaId) })
 */

export interface MediaWorkerOptions {
  queueName: string;
  connection: Redis;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  backoffBaseMs: number;
  download: (job: DownloadMediaJob, log: Logger) => Promise<SendDecision>;
  reject: (input: {
    mediaId: string | undefined;
    messageId: string | undefined;
    correlationId: string | undefined;
    reason: string;
    log: Logger;
  }) => Promise<SendDecision>;
  log: Logger;
}

const salvageable = z.looseObject({
  mediaId: downloadMediaJobSchema.shape.mediaId.optional().catch(undefined),
  messageId: z.string().min(1).max(256).optional().catch(undefined),
  correlationId: z.string().min(1).max(128).optional().catch(undefined),
});

export function startMediaWorker(opts: MediaWorkerOptions): Worker {
  const { log } = opts;

  const decide = async (job: Job): Promise<SendDecision> => {
    const jobLog = log.child({ jobId: job.id, jobName: job.name, run: job.attemptsStarted });
    try {
      if (job.name !== WIRE.jobs.downloadMedia) {
        jobLog.error('unknown job name on the media queue');
        return { kind: 'failed', reason: `unknown job name ${job.name}` };
      }
      const parsed = downloadMediaJobSchema.safeParse(job.data);
      if (parsed.success)
        return await opts.download(parsed.data, jobLog.child({ mediaId: parsed.data.mediaId, correlationId: parsed.data.correlationId }));
      const partial = salvageable.safeParse(job.data).data;
      return await opts.reject({
        mediaId: partial?.mediaId,
        messageId: partial?.messageId,
        correlationId: partial?.correlationId,
        reason: describeIssues(parsed.error),
        log: jobLog,
      });
    } catch (error) {
      const delayMs = backoffDelayMs(job.attemptsStarted, opts.backoffBaseMs, Math.random);
      jobLog.error({ err: error, delayMs }, 'media job interrupted; will run again');
      return { kind: 'retry', delayMs, reason: 'interrupted' };
    }
  };

  const worker = new Worker(opts.queueName, async (job: Job, token?: string) => applyDecision(job, token, await decide(job)), {
    connection: opts.connection,
    concurrency: opts.concurrency,
    lockDuration: opts.lockDurationMs,
    stalledInterval: opts.stalledIntervalMs,
    // Takes jobs once run() is called: the composition root starts the workers last (sender.ts).
    autorun: false,
    // A download that ran twice stores the same bytes twice under the same key: harmless.
    maxStalledCount: 3,
    // Only a fallback: the producer's job-level options (the same constants) win.
    removeOnComplete: DOWNLOAD_MEDIA_JOB_OPTIONS.removeOnComplete,
    removeOnFail: DOWNLOAD_MEDIA_JOB_OPTIONS.removeOnFail,
  });
  worker.on('failed', (job, error) => log.warn({ jobId: job?.id, reason: error.message }, 'media job failed for good'));
  worker.on('error', (error) => log.error({ err: error }, 'media worker error'));
  return worker;
}
