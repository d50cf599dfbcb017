import { z } from 'zod';
import { whatsAppMessageEchoSchema } from '../whatsapp/message-echoes.schema';
import { eventSchema } from './envelope';

/**
 * One message the school sent from the WhatsApp Business app (coexistence). id = the echo's wamid. Published
 * on the student's inbound partition (subject kind `echo`), so that it takes its turn among their messages.
 */
export const inboundEchoReceivedV1 = eventSchema(
  'whatsapp.inbound.echo.received',
  1,
  z.object({ phoneNumberId: z.string().min(1), echo: whatsAppMessageEchoSchema }),
);
export type InboundEchoReceivedV1 = z.infer<typeof inboundEchoReceivedV1>;
