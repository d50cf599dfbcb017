import { z } from 'zod';
import { whatsAppMessageSchema } from '../whatsapp/webhook.schema';
import { eventSchema } from './envelope';

/** One message of a webhook. id = the message's wamid. */
export const inboundMessageReceivedV1 = eventSchema(
  'whatsapp.inbound.message.received',
  1,
  z.object({
    phoneNumberId: z.string().min(1),
    profileName: z.string().max(256).optional(),
    /** The WhatsApp username the sender adopted (2026), from the payload's contact; shown where a name is shown. */
    username: z.string().max(256).optional(),
    message: whatsAppMessageSchema,
  }),
);
export type InboundMessageReceivedV1 = z.infer<typeof inboundMessageReceivedV1>;
