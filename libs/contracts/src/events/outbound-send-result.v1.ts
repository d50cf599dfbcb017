import { z } from 'zod';
import { eventSchema } from './envelope';

export const sendErrorSchema = z.object({
  code: z.number().int(),
  title: z.string().max(1024),
  /** How the sender classified it; see whatsapp-sender's error table. */
  class: z.enum(['temporary', 'throughput', 'pair_rate_limit', 'permanent', 'token_invalid', 'invalid_payload']),
});
export type SendError = z.infer<typeof sendErrorSchema>;

/** The outcome of one outbound message, from whatsapp-sender. id = `${messageId}:result`. */
export const outboundSendResultV1 = eventSchema(
  'whatsapp.outbound.send.result',
  1,
  z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('accepted'), messageId: z.uuid(), wamid: z.string().min(1), attempts: z.number().int().min(1) }),
    z.object({ outcome: z.literal('failed'), messageId: z.uuid(), error: sendErrorSchema, attempts: z.number().int().min(0) }),
  ]),
);
export type OutboundSendResultV1 = z.infer<typeof outboundSendResultV1>;

export function sendResultEventId(messageId: string): string {
  return `${messageId}:result`;
}
