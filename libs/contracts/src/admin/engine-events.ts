import { z } from 'zod';
import { ENGINE_EVENT_NAMES } from '../wire';
import { conversationViewSchema, messageViewSchema } from './views.schema';
import { agentViewSchema, assignmentChangeSchema } from './assignment.schema';
import { officeHoursStatusSchema } from './office-hours.schema';

// Live events the engine publishes after each commit (names and subjects in ../wire.ts). They are
// notifications, not the record: a console that missed some catches up through the REST API.

export const engineEventSchema = z.object({
  event: z.enum(ENGINE_EVENT_NAMES),
  /** The student, as on conversation items: phone (null when withheld) and business-scoped user id (null when unknown). */
  phone_number: z.string().nullable(),
  user_id: z.string().nullable(),
  message: messageViewSchema.optional(),
  conversation: conversationViewSchema.optional(),
  assignment: assignmentChangeSchema.optional(),
  agent: agentViewSchema.optional(),
  office_hours: officeHoursStatusSchema.optional(),
  occurredAt: z.iso.datetime({ offset: true }),
});
export type EngineEvent = z.infer<typeof engineEventSchema>;
