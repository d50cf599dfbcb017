import { closureViewSchema, newClosureSchema, officeHoursSettingsSchema, officeHoursViewSchema } from '@app/contracts';
import { z } from 'zod';

// The engine's own shapes (libs/contracts office-hours.schema.ts), validated here first so a bad schedule is
// a 400 with every problem named before anything reaches the engine.
export const officeHoursBodySchema = officeHoursSettingsSchema;
export const officeHoursResponseSchema = officeHoursViewSchema;
export const closureBodySchema = newClosureSchema;
export const closureResponseSchema = z.object({ closure: closureViewSchema });
export const closureListSchema = z.object({ items: z.array(closureViewSchema) });
export const closureParamsSchema = z.object({ id: z.uuid('the id of a closure') });
