import { senderRpc } from '@app/contracts';
import { z } from 'zod';

// Answers are whatsapp-sender's own shapes (libs/contracts sender-rpc.ts), served as they are.
export const deadLetterPageSchema = senderRpc.listDeadLetters.reply.options[0].shape.data;
export const retryResponseSchema = senderRpc.retryDeadLetter.reply.options[0].shape.data;
export const queueStatusSchema = senderRpc.status.reply.options[0].shape.data;

export const deadLettersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
});

export const deadLetterParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\w.:-]+$/, 'a dead letter message_id'),
});
