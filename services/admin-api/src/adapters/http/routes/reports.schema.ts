import { csatSettingsSchema, reportQuerySchema, reportSchema } from '@app/contracts';
import { z } from 'zod';

// The engine's own shapes (libs/contracts insight.schema.ts), validated here first so a bad range is a 400
// naming the problem before anything reaches the engine.
export const reportHttpQuerySchema = reportQuerySchema.safeExtend({
  /** `csv`: the same figures as a spreadsheet (text/csv), one line per group and bucket, then the totals. */
  format: z.enum(['json', 'csv']).default('json'),
});
export const reportResponseSchema = reportSchema;
export const csatSettingsBodySchema = csatSettingsSchema;
export const csatSettingsResponseSchema = csatSettingsSchema;
