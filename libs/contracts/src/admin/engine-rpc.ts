import { z } from 'zod';
import { conversationViewSchema, MEDIA_KINDS, mediaStatusSchema, messageViewSchema, supportStatusSchema } from './views.schema';

// WIRE VALUES: admin-api -> conversation-engine commands and queries over NATS request/reply, served by a
// queue group so engine replicas share them. Subject = topology(ns).engineRpcSubject(name).

export const ENGINE_RPC_QUEUE_GROUP = 'conversation-engine';

const phone = z.string().regex(/^\d{6,20}$/);

/** Who asks: every command is attributed to an admin (history, audit, assignment). */
export const actorSchema = z.object({ id: z.string().min(1), name: z.string().min(1), role: z.enum(['admin', 'agent']) });
export type Actor = z.infer<typeof actorSchema>;

export const engineErrorCodeSchema = z.enum([
  'invalid_request',
  'not_found',
  'chat_not_active',
  'already_claimed',
  'outside_service_window',
  'internal',
]);
export type EngineErrorCode = z.infer<typeof engineErrorCodeSchema>;

const reply = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: z.object({ code: engineErrorCodeSchema, message: z.string() }) }),
  ]);

export const engineRpc = {
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
      phone_number: phone,
      limit: z.number().int().min(1).max(200).default(50),
      before: z.string().max(200).optional(),
    }),
    reply: reply(z.object({ items: z.array(messageViewSchema), next_cursor: z.string().nullable() })),
  },
  startChat: {
    name: 'chat.start',
    request: z.object({ actor: actorSchema, phone_number: phone, message: z.string().trim().min(1).max(4096).optional(), correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  claimChat: {
    name: 'chat.claim',
    request: z.object({ actor: actorSchema, phone_number: phone, correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  sendMessage: {
    name: 'chat.send',
    request: z.object({
      actor: actorSchema,
      phone_number: phone,
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
      phone_number: phone,
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
    request: z.object({ actor: actorSchema, phone_number: phone, message: z.string().trim().min(1).max(4096).optional(), correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  markRead: {
    name: 'conversations.read',
    request: z.object({ actor: actorSchema, phone_number: phone, correlationId: z.string() }),
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
      }),
    ),
  },
} as const;

export type EngineRpcName = keyof typeof engineRpc;
export type EngineRpcRequest<N extends EngineRpcName> = z.input<(typeof engineRpc)[N]['request']>;
export type EngineRpcReply<N extends EngineRpcName> = z.infer<(typeof engineRpc)[N]['reply']>;
