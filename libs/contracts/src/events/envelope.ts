import { z } from 'zod';

/**
 * Every event on the wire: `id` is also its idempotency key (JetStream msgID), `version` is a literal so a
 * breaking change is a new schema file, never an edit of this one.
 */
export function eventSchema<T extends string, V extends number, D extends z.ZodType>(type: T, version: V, data: D) {
  return z.object({
    id: z.string().min(1).max(512),
    type: z.literal(type),
    version: z.literal(version),
    occurredAt: z.iso.datetime(),
    correlationId: z.string().min(1).max(128),
    data,
  });
}
