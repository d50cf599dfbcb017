import { erasureSchema } from '@app/contracts';
import { z } from 'zod';
import { isTimeZone } from '../../../domain/student-data/transcript';

export const transcriptQuerySchema = z
  .object({
    format: z.enum(['html', 'json']).default('html').meta({ description: 'html: a page made to print; json: the same content as data' }),
    from: z.iso.datetime({ offset: true }).optional().meta({ description: 'only messages at or after this instant' }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: 'only messages before this instant' }),
    tz: z
      .string()
      .max(64)
      .refine(isTimeZone, 'an IANA time zone, e.g. Africa/Lagos')
      .default('UTC')
      .meta({ description: 'the time zone the times are written in (stated in the transcript)', example: 'Africa/Lagos' }),
    notes: z.stringbool().default(false).meta({ description: "include the team's private notes, marked as such" }),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'from must be before to', path: ['from'] });

export const eraseBodySchema = z.object({
  confirm: z.string().max(200).meta({ description: "the student's id (as in the path) typed again: erasing cannot be undone" }),
});

export const eraseResponseSchema = z.object({
  erasure: erasureSchema,
  media_deleted: z.number().int().min(0),
  media_pending: z.number().int().min(0),
  /** Null when the audit log could not be scrubbed (then its entries about the student still name them; logged). */
  audit_entries_scrubbed: z.number().int().min(0).nullable(),
});
