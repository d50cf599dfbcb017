import { z } from 'zod';
import { bsuidSchema, waIdSchema } from '../whatsapp/student-id';
import { outboundMessageSchema } from '../whatsapp/outbound-message.schema';

/**
 * A W3C trace context as job data (OpenTelemetry tracing): `traceparent` and, when the trace has vendor state,
 * `tracestate`. Bounded, and only a hint: a value the propagator cannot read starts no trace, fails no job.
 */
export const traceContextSchema = z.object({
  traceparent: z.string().min(1).max(128),
  tracestate: z.string().max(512).optional(),
});

/** BullMQ job data of WIRE.jobs.sendMessage; the job id is the outbound message id (= outbox id). */
export const sendMessageJobSchema = z
  .object({
    version: z.literal(1),
    messageId: z.uuid(),
    /** The student's phone, when known: sent as Meta's `to`. */
    to: waIdSchema.optional(),
    /**
     * The student's business-scoped user id, sent as Meta's top-level `recipient` when no phone is known (a
     * student who withholds their number). Producers set `to` whenever they know the phone, so senders older
     * than this field keep working for every student they could reach before.
     */
    recipient: bsuidSchema.optional(),
    message: outboundMessageSchema,
    correlationId: z.string().min(1).max(128),
    /**
     * The trace this send belongs to, when the engine traces (absent otherwise). Optional both ways: an
     * older sender strips it, a newer sender runs a job without it as a trace of its own.
     */
    trace: traceContextSchema.optional().catch(undefined),
  })
  .refine((job) => job.to !== undefined || job.recipient !== undefined, { message: 'a send job names to or recipient', path: ['to'] });
export type SendMessageJob = z.infer<typeof sendMessageJobSchema>;

/**
 * Job-level retention (it overrides a worker's own removeOn* options, so every producer must set both age
 * and count, or Redis grows with the traffic). Completed jobs are only for debugging a recent hour: nothing
 * relies on them for idempotency. A relay that re-adds a job whose completed twin was removed gets a new
 * job, and the sender's send state (a Redis hash per message id, kept 7 days) answers "accepted" before any
 * call to Meta, so nothing is sent twice. Failed jobs are the dead-letter list admins read and retry from:
 * kept 7 days, capped so that an outage cannot fill Redis.
 */
export const COMPLETED_JOB_RETENTION = { ageSeconds: 3600, count: 1_000 } as const;
export const FAILED_JOB_RETENTION = { ageSeconds: 7 * 24 * 3600, count: 10_000 } as const;

/**
 * Options every producer of WIRE.jobs.sendMessage sets, next to jobId = messageId (a repeated add is then a
 * no-op). No `attempts`/`backoff`: the sender owns its retry policy (it reschedules a job itself from the
 * error class), so a producer cannot change how hard Meta is retried.
 */
export const SEND_JOB_OPTIONS = {
  removeOnComplete: { age: COMPLETED_JOB_RETENTION.ageSeconds, count: COMPLETED_JOB_RETENTION.count },
  removeOnFail: { age: FAILED_JOB_RETENTION.ageSeconds, count: FAILED_JOB_RETENTION.count },
} as const;
