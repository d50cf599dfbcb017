import { z } from 'zod';
import { retryReasonSchema } from '../events/outbound-send-retrying.v1';
import { labelViewSchema } from './agent-tools.schema';

// The shapes admins see (CONTRACT.md, admin-api section). The engine produces them, admin-api serves them
// as they are: one definition for the REST answers, the SSE events and the NATS replies.

export const supportStatusSchema = z.enum(['none', 'waiting', 'active', 'ended']);
const messageStatusSchema = z.enum(['received', 'queued', 'sent', 'delivered', 'read', 'failed']);

export const conversationViewSchema = z.object({
  /** Null for a student known only by their business-scoped user id (they withhold their number). */
  phone_number: z.string().nullable(),
  /** The student's business-scoped user id; null until WhatsApp sent one. */
  user_id: z.string().nullable(),
  /** The WhatsApp username the student adopted; null when unknown. */
  username: z.string().nullable(),
  student_name: z.string().nullable(),
  /** The bot step the student is at (e.g. 'menu', 'registration.email'), or 'support' during a chat. */
  state: z.string(),
  is_chat_support: z.boolean(),
  support_status: supportStatusSchema,
  assigned_to: z.object({ id: z.string(), name: z.string() }).nullable(),
  last_message: z.string().nullable(),
  last_message_time: z.iso.datetime({ offset: true }).nullable(),
  unread_count: z.number().int().min(0),
  /** When the 24-hour customer-service window closes (null when no inbound message yet). */
  service_window_expires_at: z.iso.datetime({ offset: true }).nullable(),
  /** The team's labels on the conversation, by name; absent from older engines. */
  labels: z.array(labelViewSchema).optional(),
});
export type ConversationView = z.infer<typeof conversationViewSchema>;

export const MEDIA_KINDS = ['image', 'document', 'audio', 'video'] as const;
export const mediaStatusSchema = z.enum(['pending', 'stored', 'failed']);

/**
 * A file the student sent. The engine asks whatsapp-sender to download it as soon as it arrives (Meta's ids
 * expire); `pending` until then, `stored` once the bytes are in the media store (admin-api serves them at
 * GET /api/admin/media/{id}), `failed` for good with a reason (expired, oversize, checksum_mismatch, ...).
 */
const messageMediaSchema = z.object({
  /** What GET /api/admin/media/{id} takes: the message's own id (one file per message). */
  id: z.string(),
  kind: z.enum(MEDIA_KINDS),
  mime_type: z.string().nullable(),
  /** Bytes, once stored. */
  size: z.number().int().min(0).nullable(),
  caption: z.string().nullable(),
  filename: z.string().nullable(),
  status: mediaStatusSchema,
  /** One of whatsapp-sender's media failure reasons when failed, else null. */
  failure_reason: z.string().nullable(),
});
export type MessageMediaView = z.infer<typeof messageMediaSchema>;

/**
 * What Meta charges for an outbound message, from its latest status webhook (per-message pricing): `type` is
 * regular, free_customer_service or free_entry_point; `category` marketing, utility, authentication, service,
 * ... (kept as strings: Meta adds values). Billable when `type` is regular.
 */
const messagePricingSchema = z.object({ type: z.string().nullable(), category: z.string().nullable(), billable: z.boolean() });
export type MessagePricingView = z.infer<typeof messagePricingSchema>;

/**
 * Why a queued outbound message is late: the sender's latest retry note (its last attempt was refused with a
 * retried error, `code` being Meta's) and when the next attempt is due. Only on a queued message: gone once
 * it is sent or failed. Not a status: `status` stays queued meanwhile.
 */
const messageRetryingSchema = z.object({
  reason: retryReasonSchema,
  code: z.number().int(),
  attempt: z.number().int().min(1),
  next_attempt_at: z.iso.datetime({ offset: true }),
});
export type MessageRetryingView = z.infer<typeof messageRetryingSchema>;

export const messageViewSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  author: z.enum(['student', 'bot', 'agent', 'system']),
  agent_name: z.string().nullable(),
  type: z.string(),
  text: z.string().nullable(),
  status: messageStatusSchema,
  /** `reason`: what the code means, in plain words for admins (error-reasons.ts); absent from older engines. */
  error: z.object({ code: z.number().int(), title: z.string(), reason: z.string().optional() }).nullable(),
  created_at: z.iso.datetime({ offset: true }),
  /** The file of an inbound image, document, audio or video; null (or absent, from older engines) otherwise. */
  media: messageMediaSchema.nullable().optional(),
  /** Null until a status webhook carried pricing (and for inbound messages); absent from older engines. */
  pricing: messagePricingSchema.nullable().optional(),
  /** `business_app`: sent by the school from the WhatsApp Business app (coexistence echo); absent from older engines. */
  source: z.enum(['cloud_api', 'business_app']).optional(),
  /** Null unless the message is queued and being retried; absent from older engines. */
  retrying: messageRetryingSchema.nullable().optional().meta({
    description:
      "Why a queued message is late: the sender's last attempt was refused with an error it retries (reason: pair_rate_limit, throughput or temporary; code: Meta's), and when the next attempt is due. Null once sent or failed; status stays queued meanwhile.",
  }),
  /**
   * true: a private note of the team (type `note`, author `agent`, direction `outbound`, status `received`):
   * never sent to the student, shown to admins only. Absent (or false) for every other message.
   */
  private: z.boolean().optional(),
});
export type MessageView = z.infer<typeof messageViewSchema>;
