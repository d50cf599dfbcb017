import { z } from 'zod';

/** A WhatsApp id: the phone number in E.164 digits, without '+'. */
export const waIdSchema = z.string().regex(/^\d{6,20}$/, 'a WhatsApp id is 6-20 digits');

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
export const whatsAppMessageSchema = z.looseObject({
  from: waIdSchema,
  id: z.string().min(1).max(256),
  timestamp: z.string().regex(/^\d+$/),
  type: z.string().min(1),
  context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
  text: z.looseObject({ body: z.string() }).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
      list_reply: z
        .looseObject({ id: z.string(), title: z.string(), description: z.string().optional() })
        .optional(),
    })
    .optional(),
  button: z.looseObject({ text: z.string().optional(), payload: z.string().optional() }).optional(),
  image: mediaSchema.optional(),
  document: mediaSchema.optional(),
  audio: mediaSchema.optional(),
  video: mediaSchema.optional(),
  sticker: mediaSchema.optional(),
});
export type WhatsAppMessage = z.infer<typeof whatsAppMessageSchema>;

export const whatsAppErrorSchema = z.looseObject({
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
export const whatsAppPricingSchema = z
  .looseObject({
    pricing_model: z.string().optional(),
    type: z.string().max(64).optional(),
    category: z.string().max(64).optional(),
    billable: z.boolean().optional(),
  })
  .optional()
  .catch(undefined);
export type WhatsAppPricing = NonNullable<z.infer<typeof whatsAppPricingSchema>>;

export const whatsAppStatusSchema = z.looseObject({
  id: z.string().min(1).max(256),
  // Kept as a string: a status value Meta adds later must not turn the whole webhook into a 400.
  status: z.string().min(1),
  timestamp: z.string().regex(/^\d+$/),
  recipient_id: z.string().min(1),
  errors: z.array(whatsAppErrorSchema).optional(),
  biz_opaque_callback_data: z.string().optional(),
  pricing: whatsAppPricingSchema,
  // Conversation-based pricing's object, optional since per-message pricing (1 Jul 2025); kept, not used.
  conversation: z.looseObject({ id: z.string().optional() }).optional().catch(undefined),
});
export type WhatsAppStatus = z.infer<typeof whatsAppStatusSchema>;

export const messagesChangeValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({ display_phone_number: z.string().optional(), phone_number_id: z.string().min(1) }),
  contacts: z.array(z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string() }).optional() })).optional(),
  messages: z.array(whatsAppMessageSchema).optional(),
  statuses: z.array(whatsAppStatusSchema).optional(),
  errors: z.array(whatsAppErrorSchema).optional(),
});
export type MessagesChangeValue = z.infer<typeof messagesChangeValueSchema>;

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
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
