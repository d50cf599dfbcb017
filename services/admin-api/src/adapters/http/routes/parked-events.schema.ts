import { engineRpc, PARKED_STATUSES } from '@app/contracts';
import { z } from 'zod';

// Answers are the engine's own shapes (libs/contracts engine-rpc.ts), served as they are.
export const parkedEventPageSchema = engineRpc.listParkedEvents.reply.options[0].shape.data;
export const parkedEventResponseSchema = engineRpc.retryParkedEvent.reply.options[0].shape.data;

export const parkedEventsQuerySchema = z.object({
  status: z.enum(PARKED_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
});

export const parkedEventParamsSchema = z.object({ id: z.uuid('the id of a parked event') });
