import { z } from 'zod';

// The support team's tools (issue 14): labels on conversations and what canned replies are rendered from.
// Shapes shared by the engine's RPC replies, admin-api's REST answers and the console.

/** A label's colour: `#rrggbb`, stored and answered in lower case. The console offers LABEL_PALETTE. */
export const labelColourSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
  .transform((colour) => colour.toLowerCase());

/** Trimmed, 1-40 characters, no control characters; unique among labels whatever the case. */
export const labelNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');

export const labelViewSchema = z.object({ id: z.uuid(), name: z.string(), colour: z.string() });
export type LabelView = z.infer<typeof labelViewSchema>;

/** A school has a handful of labels: the set is bounded, so lists need no paging. */
export const MAX_LABELS = 200;
/** Labels one conversation may carry. */
export const MAX_LABELS_PER_CONVERSATION = 20;

/** A private note's text: what an agent may write (like a message, without WhatsApp's limits mattering). */
export const noteTextSchema = z.string().trim().min(1).max(4096);

/** What canned replies' placeholders are filled from: the student's registration (nulls when unknown). */
export const studentProfileSchema = z.object({
  /** The registered name, else the WhatsApp profile name; null when neither is known. */
  student_name: z.string().nullable(),
  /** The class given at registration; null for a student not registered. */
  class_name: z.string().nullable(),
});
export type StudentProfile = z.infer<typeof studentProfileSchema>;
