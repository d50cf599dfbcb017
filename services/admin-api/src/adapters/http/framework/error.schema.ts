import { z } from 'zod';

/** The one error shape every admin-api answer uses (CONTRACT.md). */
export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export type ErrorResponse = z.infer<typeof errorResponseSchema>;
