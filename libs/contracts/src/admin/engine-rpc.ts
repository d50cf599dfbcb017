import { z } from 'zod';
import { studentIdSchema } from '../whatsapp/student-id';
import { conversationViewSchema, MEDIA_KINDS, mediaStatusSchema, messageViewSchema, supportStatusSchema } from './views.schema';

// WIRE VALUES: admin-api -> conversation-engine commands and queries over NATS request/reply, served by a
// queue group so engine replicas share them. Subject = topology(ns).engineRpcSubject(name).

export const ENGINE_RPC_QUEUE_GROUP = 'conversation-engine';

/** The student a command or query is about: phone digits or business-scoped user id. */
const student = studentIdSchema;

/**
 * Requests from admin-api releases before business-scoped user ids named the student `phone_number`. The
 * engine reads them through this, so an engine upgraded first keeps serving an older admin-api mid-rollout.
 */
export function upgradeLegacyEngineRequest(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const request = raw as Record<string, unknown>;
  if (request['student'] !== undefined || typeof request['phone_number'] !== 'string') return raw;
  const { phone_number: phoneNumber, ...rest } = request;
  return { ...rest, student: phoneNumber };
}

/** Who asks: every command is attributed to an admin (history, audit, assignment). */
export const actorSchema = z.object({ id: z.string().min(1), name: z.string().min(1), role: z.enum(['admin', 'agent']) });
export type Actor = z.infer<typeof actorSchema>;

export const engineErrorCodeSchema = z.enum([
  'invalid_request',
  'not_found',
  'chat_not_active',
  'already_claimed',
  'outside_service_window',
  // Too many requests in hand on this replica: nothing was done, the same request may be sent again.
  'busy',
  'internal',
]);
export type EngineErrorCode = z.infer<typeof engineErrorCodeSchema>;

const reply = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: z.object({ code: engineErrorCodeSchema, message: z.string() }) }),
  ]);

/**
 * An event the engine gave up on after its bounded retries (or could not read at all): kept with what it
 * carried and why it failed, so that its partition moves on and an admin can retry it once or discard it.
 */
export const PARKED_SOURCES = ['inbound', 'delivery', 'outbox'] as const;
export const PARKED_STATUSES = ['parked', 'retried', 'discarded'] as const;
export const parkedEventViewSchema = z.object({
  id: z.uuid(),
  /** inbound: a webhook event; delivery: a send result from whatsapp-sender; outbox: an outbound row the relay could not read. */
  source: z.enum(PARKED_SOURCES),
  /** The NATS subject it came on (inbound, delivery) or `outbox` for a relay row. */
  subject: z.string(),
  /** JetStream stream sequence (inbound, delivery); null for outbox rows. */
  stream_seq: z.number().int().nullable(),
  /** The student it concerns, when the payload names one; null otherwise. */
  phone_number: z.string().nullable(),
  /** The payload as received (JSON text, with what Postgres cannot store escaped), at most 64 KiB. */
  payload: z.string(),
  /** The last error, one line. */
  error: z.string(),
  attempts: z.number().int().min(0),
  status: z.enum(PARKED_STATUSES),
  parked_at: z.iso.datetime({ offset: true }),
  resolved_at: z.iso.datetime({ offset: true }).nullable(),
  /** The admin who retried or discarded it. */
  resolved_by: z.string().nullable(),
});
export type ParkedEventView = z.infer<typeof parkedEventViewSchema>;

/** How often a typing indicator may be sent to one student; Meta shows one for up to 25 s. */
export const TYPING_INDICATOR_INTERVAL_MS = 20_000;
export const TYPING_NOT_SENT_REASONS = ['throttled', 'no_inbound_message', 'outside_service_window'] as const;
export const typingIndicatorResultSchema = z.discriminatedUnion('sent', [
  z.object({ sent: z.literal(true) }),
  z.object({ sent: z.literal(false), reason: z.enum(TYPING_NOT_SENT_REASONS) }),
]);
export type TypingIndicatorResult = z.infer<typeof typingIndicatorResultSchema>;

export const engineRpc = {
  /** Parked events, newest first; `status` defaults to parked (the ones still waiting for a decision). */
  listParkedEvents: {
    name: 'parked.list',
    request: z.object({
      actor: actorSchema,
      status: z.enum(PARKED_STATUSES).default('parked'),
      limit: z.number().int().min(1).max(100).default(50),
      cursor: z.string().max(200).optional(),
    }),
    reply: reply(z.object({ items: z.array(parkedEventViewSchema), next_cursor: z.string().nullable() })),
  },
  /**
   * Handles a parked event once more, now, through the same code as when it arrived (dedupe included, so a
   * retry never doubles). Success marks it retried; a failure keeps it parked with the new error and one more
   * attempt, and answers ok with that state. not_found for an unknown id; invalid_request when not parked.
   */
  retryParkedEvent: {
    name: 'parked.retry',
    request: z.object({ actor: actorSchema, id: z.uuid(), correlationId: z.string() }),
    reply: reply(z.object({ event: parkedEventViewSchema })),
  },
  /** Marks a parked event discarded (kept for the record until retention). invalid_request when not parked. */
  discardParkedEvent: {
    name: 'parked.discard',
    request: z.object({ actor: actorSchema, id: z.uuid(), correlationId: z.string() }),
    reply: reply(z.object({ event: parkedEventViewSchema })),
  },
  listConversations: {
    name: 'conversations.list',
    request: z.object({
      actor: actorSchema,
      chat_support: z.boolean().optional(),
      status: supportStatusSchema.optional(),
      q: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(100).default(50),
      cursor: z.string().max(200).optional(),
    }),
    reply: reply(z.object({ items: z.array(conversationViewSchema), next_cursor: z.string().nullable() })),
  },
  listMessages: {
    name: 'conversations.messages',
    request: z.object({
      actor: actorSchema,
      student,
      limit: z.number().int().min(1).max(200).default(50),
      before: z.string().max(200).optional(),
    }),
    reply: reply(z.object({ items: z.array(messageViewSchema), next_cursor: z.string().nullable() })),
  },
  startChat: {
    name: 'chat.start',
    request: z.object({ actor: actorSchema, student, message: z.string().trim().min(1).max(4096).optional(), correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  claimChat: {
    name: 'chat.claim',
    request: z.object({ actor: actorSchema, student, correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  sendMessage: {
    name: 'chat.send',
    request: z.object({
      actor: actorSchema,
      student,
      message: z.string().trim().min(1).max(4096),
      /** The admin's Idempotency-Key (scoped to the actor by admin-api), or a fresh id. */
      idempotency_key: z.string().min(1).max(300),
      correlationId: z.string(),
    }),
    reply: reply(z.object({ message: messageViewSchema })),
  },
  /**
   * The configured re-engagement template (WHATSAPP_REENGAGEMENT_TEMPLATE), stored as the admin's message and
   * queued. The one message WhatsApp accepts outside the 24-hour window, so the window is not checked; allowed
   * for any conversation, in a support chat or not (like chat.start). Idempotent like chat.send.
   */
  sendTemplate: {
    name: 'chat.template',
    request: z.object({
      actor: actorSchema,
      student,
      idempotency_key: z.string().min(1).max(300),
      correlationId: z.string(),
    }),
    reply: reply(z.object({ message: messageViewSchema })),
  },
  /** Where the file of a message is (admin-api streams it from the media store); not_found for none. */
  getMedia: {
    name: 'media.get',
    request: z.object({ actor: actorSchema, message_id: z.uuid() }),
    reply: reply(
      z.object({
        message_id: z.string(),
        kind: z.enum(MEDIA_KINDS),
        status: mediaStatusSchema,
        /** The media store key; null until stored. */
        storage_key: z.string().nullable(),
        mime_type: z.string().nullable(),
        size: z.number().int().min(0).nullable(),
        filename: z.string().nullable(),
      }),
    ),
  },
  endChat: {
    name: 'chat.end',
    request: z.object({ actor: actorSchema, student, message: z.string().trim().min(1).max(4096).optional(), correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  /**
   * An admin is typing an answer in an active support chat: a mark-read of the student's newest message with
   * Meta's typing indicator, queued in the student's order. At most one per conversation per
   * TYPING_INDICATOR_INTERVAL_MS (kept in the engine, so replicas and double clicks share it). Not sent, and
   * said why, when throttled, when the student wrote nothing to mark, or when the 24-hour window is closed;
   * chat_not_active when the chat is not active (waiting, ended, none).
   */
  indicateTyping: {
    name: 'chat.typing',
    request: z.object({ actor: actorSchema, student, correlationId: z.string() }),
    reply: reply(typingIndicatorResultSchema),
  },
  markRead: {
    name: 'conversations.read',
    request: z.object({ actor: actorSchema, student, correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  stats: {
    name: 'stats',
    request: z.object({ actor: actorSchema }),
    reply: reply(
      z.object({
        waiting_chats: z.number().int(),
        active_chats: z.number().int(),
        oldest_waiting_since: z.iso.datetime({ offset: true }).nullable(),
        chats_today: z.number().int(),
        median_first_response_seconds: z.number().nullable(),
        /**
         * Billable messages (per-message pricing type `regular`) priced since midnight UTC, per category
         * (marketing, utility, authentication, service, ...; only categories with any). Absent from older engines.
         */
        billable_today: z.record(z.string(), z.number().int().min(0)).optional(),
      }),
    ),
  },
} as const;

export type EngineRpcName = keyof typeof engineRpc;
export type EngineRpcRequest<N extends EngineRpcName> = z.input<(typeof engineRpc)[N]['request']>;
export type EngineRpcReply<N extends EngineRpcName> = z.infer<(typeof engineRpc)[N]['reply']>;
