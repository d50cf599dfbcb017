import { z } from 'zod';
import { bsuidSchema, studentRef, waIdSchema, type StudentRef } from './student-id';

const mediaSchema = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});

/**
 * One inbound message. Fields of types we do not handle are kept (loose objects) so that the engine can
 * answer "not supported" instead of the gateway rejecting a payload Meta will then retry for days.
 */
export const whatsAppMessageSchema = z
  .looseObject({
    /** The sender's phone; absent when a user with a username withholds it (then only `from_user_id` names them). */
    from: waIdSchema.optional(),
    /** The sender's business-scoped user id (2026); absent from older payloads and senders without one. */
    from_user_id: bsuidSchema.optional(),
    from_parent_user_id: z.string().max(200).optional(),
    id: z.string().min(1).max(256),
    timestamp: z.string().regex(/^\d+$/),
    type: z.string().min(1),
    context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
    text: z.looseObject({ body: z.string() }).optional(),
    interactive: z
      .looseObject({
        type: z.string(),
        button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
        list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
      })
      .optional(),
    button: z.looseObject({ text: z.string().optional(), payload: z.string().optional() }).optional(),
    image: mediaSchema.optional(),
    document: mediaSchema.optional(),
    audio: mediaSchema.optional(),
    video: mediaSchema.optional(),
    sticker: mediaSchema.optional(),
    /**
     * `type: "system"`: Meta announces a new id for the same person. `user_changed_user_id` carries the new BSUID
     * in `user_id`; `user_changed_number` and the older `customer_changed_number` the new phone in `wa_id` (or,
     * in old payloads, `new_wa_id`). The message's own `from`/`from_user_id` are the ids it had before.
     */
    system: z
      .looseObject({
        type: z.string().max(64).optional(),
        body: z.string().max(4096).optional(),
        wa_id: z.string().max(64).optional(),
        new_wa_id: z.union([z.string().max(64), z.number()]).optional(),
        user_id: z.string().max(200).optional(),
        parent_user_id: z.string().max(200).optional(),
      })
      .optional(),
  })
  .refine((m) => m.from !== undefined || m.from_user_id !== undefined, {
    message: 'a message names its sender by from (phone) or from_user_id',
    path: ['from'],
  });
export type WhatsAppMessage = z.infer<typeof whatsAppMessageSchema>;

/** Who sent an inbound message. */
export function messageSender(message: Pick<WhatsAppMessage, 'from' | 'from_user_id'>): StudentRef {
  return studentRef(message.from_user_id, message.from);
}

const whatsAppErrorSchema = z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

/**
 * Per-message pricing (since 1 Jul 2025): `{pricing_model: "PMP", type: "regular" | "free_customer_service" |
 * "free_entry_point", category: "marketing" | "utility" | "service" | ...}`; older webhooks had `billable`
 * and no `type`. Strings, not enums: Meta adds values. A malformed one is dropped, never a 400 for the status.
 */
const whatsAppPricingSchema = z
  .looseObject({
    pricing_model: z.string().optional(),
    type: z.string().max(64).optional(),
    category: z.string().max(64).optional(),
    billable: z.boolean().optional(),
  })
  .optional()
  .catch(undefined);
export type WhatsAppPricing = NonNullable<z.infer<typeof whatsAppPricingSchema>>;

export const whatsAppStatusSchema = z
  .looseObject({
    id: z.string().min(1).max(256),
    // Kept as a string: a status value Meta adds later must not turn the whole webhook into a 400.
    status: z.string().min(1),
    timestamp: z.string().regex(/^\d+$/),
    /** The recipient's phone; omitted when the message was sent to a BSUID (`recipient`). */
    recipient_id: z.string().min(1).max(64).optional(),
    recipient_user_id: z.string().min(1).max(200).optional(),
    parent_recipient_user_id: z.string().max(200).optional(),
    errors: z.array(whatsAppErrorSchema).optional(),
    biz_opaque_callback_data: z.string().optional(),
    pricing: whatsAppPricingSchema,
    // Conversation-based pricing's object, optional since per-message pricing (1 Jul 2025); kept, not used.
    conversation: z.looseObject({ id: z.string().optional() }).optional().catch(undefined),
  })
  .refine((s) => s.recipient_id !== undefined || s.recipient_user_id !== undefined, {
    message: 'a status names its recipient by recipient_id or recipient_user_id',
    path: ['recipient_id'],
  });
export type WhatsAppStatus = z.infer<typeof whatsAppStatusSchema>;

/** Who a status is about (statuses are matched to messages by wamid; this only places them in a partition). */
export function statusRecipient(status: Pick<WhatsAppStatus, 'recipient_id' | 'recipient_user_id'>): StudentRef {
  return studentRef(status.recipient_user_id, status.recipient_id);
}

/**
 * A contact of a messages change: `wa_id` is omitted when the user withholds their phone, `user_id` is the
 * BSUID, `profile.username` the username they adopted (shown where a name is shown).
 */
const whatsAppContactSchema = z.looseObject({
  wa_id: z.string().max(64).optional(),
  user_id: z.string().max(200).optional(),
  parent_user_id: z.string().max(200).optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});
export type WhatsAppContact = z.infer<typeof whatsAppContactSchema>;

/** The contact entry that describes a message's sender: matched by BSUID first, then by phone. */
export function contactOf(contacts: readonly WhatsAppContact[], sender: StudentRef): WhatsAppContact | undefined {
  return (
    (sender.userId !== null ? contacts.find((c) => c.user_id === sender.userId) : undefined) ??
    (sender.phone !== null ? contacts.find((c) => c.wa_id === sender.phone) : undefined)
  );
}

export const messagesChangeValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({ display_phone_number: z.string().optional(), phone_number_id: z.string().min(1) }),
  contacts: z.array(whatsAppContactSchema).optional(),
  messages: z.array(whatsAppMessageSchema).optional(),
  statuses: z.array(whatsAppStatusSchema).optional(),
  errors: z.array(whatsAppErrorSchema).optional(),
});

/** The envelope of every webhook POST. `value` is parsed further only for the `messages` field. */
export const webhookPayloadSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.looseObject({
        id: z.string(),
        changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
      }),
    )
    .min(1),
});
