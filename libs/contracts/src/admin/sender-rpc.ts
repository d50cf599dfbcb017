import { z } from 'zod';
import { sendErrorSchema } from '../events/outbound-send-result.v1';
import { actorSchema } from './engine-rpc';

// WIRE VALUES: admin-api -> whatsapp-sender queries and commands over NATS request/reply, served by the
// queue group topology(ns).senderRpcQueueGroup so sender replicas share them (names in ../wire.ts).
// Subject = topology(ns).senderRpcSubject(name): each `name` below is on the wire.

const senderErrorCodeSchema = z.enum([
  'invalid_request',
  /** No dead letter with that id (never failed, or removed after 7 days). */
  'not_found',
  /** A retry of that message is already queued or running: one at a time. */
  'retry_pending',
  /** The message is not failed (it was accepted, or it is still being sent). */
  'not_failed',
  'internal',
]);
export type SenderErrorCode = z.infer<typeof senderErrorCodeSchema>;

const reply = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: z.object({ code: senderErrorCodeSchema, message: z.string() }) }),
  ]);

const DEAD_LETTER_KINDS = ['text', 'buttons', 'list', 'template', 'image', 'document', 'mark_read', 'invalid'] as const;

/** A job the sender gave up on, kept 7 days in BullMQ's failed set. */
const deadLetterSchema = z.object({
  /** The outbound message id (or the mark-read request id): also the job id and what a retry names. */
  message_id: z.string(),
  to: z.string().nullable(),
  kind: z.enum(DEAD_LETTER_KINDS),
  error: sendErrorSchema,
  /** Cloud API attempts of the last round (an admin retry starts a new round). */
  attempts: z.number().int().min(0),
  /** Admin retries so far. */
  retries: z.number().int().min(0),
  failed_at: z.iso.datetime({ offset: true }),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;

/** token_invalid: the Cloud API refused the access token (190 / HTTP 401); unknown: paused by something else. */
export const pauseReasonSchema = z.enum(['token_invalid', 'unknown']);
export type PauseReason = z.infer<typeof pauseReasonSchema>;

const countsSchema = z.object({
  waiting: z.number().int(),
  delayed: z.number().int(),
  active: z.number().int(),
  failed: z.number().int(),
});

const senderQueueStatusSchema = z.object({
  /** Sending (and media downloads) stopped for every replica; jobs are kept. */
  paused: z.boolean(),
  pause: z
    .object({
      reason: pauseReasonSchema,
      since: z.iso.datetime({ offset: true }).nullable(),
      error: z.object({ code: z.number().int(), title: z.string() }).nullable(),
    })
    .nullable(),
  outbound: countsSchema,
  media: countsSchema,
});
export type SenderQueueStatus = z.infer<typeof senderQueueStatusSchema>;

export const senderRpc = {
  listDeadLetters: {
    name: 'dead-letters.list',
    request: z.object({
      actor: actorSchema,
      limit: z.number().int().min(1).max(100).default(50),
      /** Opaque; from the previous page's next_cursor. Newest failures first. */
      cursor: z.string().max(200).optional(),
    }),
    reply: reply(z.object({ items: z.array(deadLetterSchema), next_cursor: z.string().nullable(), total: z.number().int() })),
  },
  /**
   * Sends a failed message again, once: its final failure is cleared and the job re-queued. Its new outcome
   * is a new send result event, id sendResultEventIdFor(message_id, retry).
   */
  retryDeadLetter: {
    name: 'dead-letters.retry',
    request: z.object({ actor: actorSchema, message_id: z.string().min(1).max(200), correlationId: z.string() }),
    reply: reply(z.object({ message_id: z.string(), retry: z.number().int().min(1) })),
  },
  /** Resumes a paused queue now (the sender also resumes by itself once a token probe succeeds). */
  resume: {
    name: 'queue.resume',
    request: z.object({ actor: actorSchema, correlationId: z.string() }),
    reply: reply(senderQueueStatusSchema),
  },
  status: {
    name: 'queue.status',
    request: z.object({ actor: actorSchema }),
    reply: reply(senderQueueStatusSchema),
  },
} as const;

export type SenderRpcName = keyof typeof senderRpc;
export type SenderRpcRequest<N extends SenderRpcName> = z.input<(typeof senderRpc)[N]['request']>;
export type SenderRpcReply<N extends SenderRpcName> = z.infer<(typeof senderRpc)[N]['reply']>;
