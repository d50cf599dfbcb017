import { agentCapacitySchema, agentViewSchema, assignmentSettingsSchema, availabilitySchema } from '@app/contracts';
import { z } from 'zod';

// Answers are the engine's own shapes (libs/contracts assignment.schema.ts), served as they are. Bodies are
// strict: a misspelt field is a 400, not a silent no-op.
export const agentListSchema = z.object({ items: z.array(agentViewSchema) });
export const agentResponseSchema = z.object({ agent: agentViewSchema });
export const agentParamsSchema = z.object({ id: z.uuid('the id of a user') });

export const availabilityBodySchema = z.strictObject({ availability: availabilitySchema });
export const capacityBodySchema = z.strictObject({ capacity: agentCapacitySchema });
export const assignBodySchema = z.strictObject({ agent_id: z.uuid('the id of the user to give the chat to') });
/** Nothing to say (an empty body, or none). */
export const handBackBodySchema = z.object({});
export const assignmentSettingsBodySchema = assignmentSettingsSchema.strict();
export const assignmentSettingsResponseSchema = assignmentSettingsSchema;
