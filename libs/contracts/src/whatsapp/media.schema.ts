import { z } from 'zod';

/**
 * The answer of GET /{version}/{media_id}: a short-lived URL (minutes) fetched with the same Bearer token.
 * `file_size` comes as a number or a numeric string depending on the API version; `sha256` is documented as
 * the file's SHA-256 (hex in Meta's examples; base64 has been seen too).
 */
export const mediaMetadataResponseSchema = z.looseObject({
  messaging_product: z.literal('whatsapp').optional(),
  url: z.url(),
  mime_type: z.string().min(1),
  sha256: z.string().min(1).optional(),
  file_size: z.coerce.number().int().min(0).optional(),
  id: z.string().min(1),
});
export type MediaMetadataResponse = z.infer<typeof mediaMetadataResponseSchema>;
