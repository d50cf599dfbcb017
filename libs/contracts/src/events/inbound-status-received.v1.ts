import { z } from 'zod';
import { whatsAppStatusSchema } from '../whatsapp/webhook.schema';
import { eventSchema } from './envelope';

/** One delivery status of a webhook. id = `${wamid}:${status}`, since one wamid gets several statuses. */
export const inboundStatusReceivedV1 = eventSchema(
  'whatsapp.inbound.status.received',
  1,
  z.object({ phoneNumberId: z.string().min(1), status: whatsAppStatusSchema }),
);
export type InboundStatusReceivedV1 = z.infer<typeof inboundStatusReceivedV1>;

export function statusEventId(wamid: string, status: string): string {
  return `${wamid}:${status}`;
}
