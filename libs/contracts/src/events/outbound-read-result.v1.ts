import { z } from 'zod';
import { eventSchema } from './envelope';
import { sendErrorSchema } from './outbound-send-result.v1';

/**
 * The outcome of one mark-read job, on topology(ns).readResultSubject. id =
 * sendResultEventIdFor(requestId, retry): `${requestId}:result`, then `${requestId}:result:${n}` after the
 * n-th admin retry. Published only once final, like a send result.
 */
export const outboundReadResultV1 = eventSchema(
  'whatsapp.outbound.read.result',
  1,
  z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('accepted'), requestId: z.uuid(), wamid: z.string().min(1), attempts: z.number().int().min(1) }),
    z.object({
      outcome: z.literal('failed'),
      requestId: z.uuid(),
      wamid: z.string().min(1),
      error: sendErrorSchema,
      attempts: z.number().int().min(0),
    }),
  ]),
);
export type OutboundReadResultV1 = z.infer<typeof outboundReadResultV1>;
