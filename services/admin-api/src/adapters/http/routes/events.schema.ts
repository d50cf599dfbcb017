import { engineEventSchema } from '@app/contracts';
import { z } from 'zod';

export const ticketResponseSchema = z.object({ ticket: z.string(), expires_at: z.iso.datetime() });

export const eventsQuerySchema = z.object({
  ticket: z.string().max(200).optional().meta({ description: 'from POST /api/admin/events/ticket; instead of a bearer header' }),
});

/** What each SSE `data:` line holds: the engine's event without its name, which is the SSE event name. */
export const sseEventDataSchema = engineEventSchema.omit({ event: true });
