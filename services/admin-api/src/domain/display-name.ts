import { z } from 'zod';

/** Also the bound of the admin_users check constraint. */
export const DISPLAY_NAME_MAX_LENGTH = 60;

/**
 * The name students and colleagues see for an admin ("Ms Smith from the school team has joined the chat"),
 * as the API and ADMIN_DISPLAY_NAME take it: trimmed first, so "  " is refused as empty rather than stored.
 * A name goes into messages a student reads, and a line break would let it write a paragraph of its own
 * under the school's name: control characters and line or paragraph separators are refused.
 */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(DISPLAY_NAME_MAX_LENGTH)
  .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'must not contain line breaks or control characters');
