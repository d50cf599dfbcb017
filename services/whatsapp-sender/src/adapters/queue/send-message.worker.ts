import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import {
  describeIssues,
  markReadJobSchema,
  SEND_JOB_OPTIONS,
  sendMessageJobSchema,
  WIRE,
  type MarkReadJob,
  type SendMessageJob,
} from '@app/contracts';
import type { Logger } from '@app/logging';
import { limiterFor } from '../../domain/limiter';
import { backoffDelayMs } from '../../domain/retry-policy';
import type { InvalidJob } from '../../use-cases/reject-invalid-job';
import type { SendDecision } from '../../use-cases/ports';
import { abandonedReason, applyDecision } from './job-decision';
import { inSendJobSpan } from './send-job.span';

/*
 * Producer contract (conversation-engine's outbox relay), on queue `topology(ns).outboundQueue`:
 *   queue.add(WIRE.jobs.sendMessage, sendMessageJobSchema data, { ...SEND_JOB_OPTIONS, jobId: messageId })
 *   queue.add(WIRE.jobs.markRead, markReadJobSchema data, { ...SEND_JOB_OPTIONS, jobId: requestId })
 * jobId = our id makes a repeated relay a no-op and keys the send state. `attempts` and `backoff` are not
 * read: the retry policy lives here alone (see job-decision.ts).
 */

export interface SendWorkerOptions {
  queueName: string;
  connection: Redis;
  concurrency: number;
  /** Jobs started per second across every replica (BullMQ's limiter is kept in Redis). */
  ratePerSecond: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  /** Backoff for a run that threw (Redis or NATS unavailable) instead of deciding. */
  backoffBaseMs: number;
  send: (job: SendMessageJob, log: Logger) => Promise<SendDecision>;
  markRead: (job: MarkReadJob, log: Logger) => Promise<SendDecision>;
  reject: (input: InvalidJob & { log: Logger }) => Promise<SendDecision>;
  abandoned: (input: { name: string; data: unknown; reason: string; log: Logger }) => Promise<void>;
  log: Logger;
}

/** What can still be read from job data that failed validation, field by field. */
const salvageable = z.looseObject({
  messageId: z.uuid().optional().catch(undefined),
  requestId: z.uuid().optional().catch(undefined),
  wamid: z.string().min(1).max(256).optional().catch(undefined),
  correlationId: z.string().min(1).max(128).optional().catch(undefined),
});
const uuid = z.uuid();

export function startSendWorker(opts: SendWorkerOptions): Worker {
  const { log } = opts;

  const decide = async (job: Job): Promise<SendDecision> => {
    // One child logger per job, made on first use: a valid job's ids are bound in that same child.
    let jobLog: Logger | undefined;
    const logFor = (ids: Record<string, string> = {}) =>
      (jobLog ??= log.child({ jobId: job.id, jobName: job.name, run: job.attemptsStarted, ...ids }));
    try {
      if (job.name === WIRE.jobs.sendMessage) {
        const parsed = sendMessageJobSchema.safeParse(job.data);
        if (parsed.success) {
          const data = parsed.data;
          return await inSendJobSpan(job, data, opts.queueName, () =>
            opts.send(data, logFor({ messageId: data.messageId, correlationId: data.correlationId })),
          );
        }
        const partial = salvageable.safeParse(job.data).data;
        const id = uuid.safeParse(job.id).success ? job.id : partial?.messageId;
        return await opts.reject({
          kind: 'send',
          id,
          correlationId: partial?.correlationId,
          reason: describeIssues(parsed.error),
          log: logFor(),
        });
      }
      if (job.name === WIRE.jobs.markRead) {
        const parsed = markReadJobSchema.safeParse(job.data);
        if (parsed.success)
          return await opts.markRead(parsed.data, logFor({ requestId: parsed.data.requestId, correlationId: parsed.data.correlationId }));
        const partial = salvageable.safeParse(job.data).data;
        const id = uuid.safeParse(job.id).success ? job.id : partial?.requestId;
        return await opts.reject({
          kind: 'read',
          id,
          correlationId: partial?.correlationId,
          wamid: partial?.wamid,
          reason: describeIssues(parsed.error),
          log: logFor(),
        });
      }
      logFor().error('unknown job name on the outbound queue');
      return { kind: 'failed', reason: `unknown job name ${job.name}` };
    } catch (error) {
      // Infrastructure trouble (Redis, NATS): nothing was decided, so run again later.
      const delayMs = backoffDelayMs(job.attemptsStarted, opts.backoffBaseMs, Math.random);
      logFor().error({ err: error, delayMs }, 'outbound job interrupted; will run again');
      return { kind: 'retry', delayMs, reason: 'interrupted' };
    }
  };

  const worker = new Worker(opts.queueName, async (job: Job, token?: string) => applyDecision(job, token, await decide(job)), {
    connection: opts.connection,
    concurrency: opts.concurrency,
    limiter: limiterFor(opts.ratePerSecond),
    lockDuration: opts.lockDurationMs,
    stalledInterval: opts.stalledIntervalMs,
    // Takes jobs once run() is called: the composition root starts the workers last (sender.ts).
    autorun: false,
    // A job whose worker died is run again (the send state keeps that from doubling). A job that takes its
    // worker down every time is given up after a few tries (and reported failed) rather than crash-loop the fleet.
    maxStalledCount: 3,
    // The send state, not the finished job, is what prevents a resend; finished jobs are kept for a look,
    // failed ones 7 days as the dead letters admins list and retry. Only a fallback: the producer's job-level
    // options (the same SEND_JOB_OPTIONS) win.
    removeOnComplete: SEND_JOB_OPTIONS.removeOnComplete,
    removeOnFail: SEND_JOB_OPTIONS.removeOnFail,
  });
  worker.on('failed', (job, error) => {
    log.warn({ jobId: job?.id, reason: error.message }, 'outbound job failed for good');
    const reason = abandonedReason(job);
    if (job && reason) {
      opts
        .abandoned({ name: job.name, data: job.data, reason, log })
        .catch((err: unknown) => log.error({ err, jobId: job.id }, 'could not report an abandoned job'));
    }
  });
  worker.on('stalled', (jobId) => log.warn({ jobId }, 'outbound job stalled; running it again'));
  worker.on('error', (error) => log.error({ err: error }, 'outbound worker error'));
  return worker;
}
