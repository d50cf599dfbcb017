import { z } from 'zod';
import { bsuidSchema, studentRef, type StudentRef } from './student-id';

/**
 * Coexistence: a message the school sent from the WhatsApp Business app (or a linked device) on the number
 * the Cloud API also serves, reported on the `smb_message_echoes` field. `from` is the business, `to` the
 * student; Meta documents `to` as the number as typed ("+16505551234"), so a leading '+' is allowed here and
 * dropped by echoRecipient. The message's own object (`text`, `image`, ..., `edit`, `revoke`) is kept as sent.
 */
export const whatsAppMessageEchoSchema = z
  .looseObject({
    from: z.string().min(1).max(64),
    /** The student's phone; absent when they withhold it (then `to_user_id` names them). */
    to: z
      .string()
      .regex(/^\+?\d{6,20}$/, 'an echo goes to a phone number of 6-20 digits')
      .optional(),
    to_user_id: bsuidSchema.optional(),
    id: z.string().min(1).max(256),
    timestamp: z.string().regex(/^\d+$/),
    type: z.string().min(1),
    text: z.looseObject({ body: z.string() }).optional(),
  })
  .refine((e) => e.to !== undefined || e.to_user_id !== undefined, {
    message: 'an echo names its recipient by to or to_user_id',
    path: ['to'],
  });
export type WhatsAppMessageEcho = z.infer<typeof whatsAppMessageEchoSchema>;

export const messageEchoesChangeValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({ display_phone_number: z.string().optional(), phone_number_id: z.string().min(1) }),
  message_echoes: z.array(whatsAppMessageEchoSchema).optional(),
});

/** The student an echo was sent to: their BSUID and/or their phone (E.164 digits, the '+' dropped). */
export function echoRecipient(echo: Pick<WhatsAppMessageEcho, 'to' | 'to_user_id'>): StudentRef {
  return studentRef(echo.to_user_id, echo.to?.replace(/^\+/, ''));
}
