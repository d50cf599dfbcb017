import { z } from 'zod';

/** The answer of POST /{phone_number_id}/messages when Meta accepted the message. */
export const sendMessageResponseSchema = z.looseObject({
  messaging_product: z.literal('whatsapp').optional(),
  contacts: z
    .array(z.looseObject({ input: z.string().optional(), wa_id: z.string().optional(), user_id: z.string().optional() }))
    .optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});

/** Meta's error envelope, common to every Graph API endpoint. */
export const graphErrorResponseSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_user_title: z.string().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});
