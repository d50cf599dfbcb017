import { z } from 'zod';
import { conversationViewSchema, messageViewSchema } from './views.schema';
import { agentViewSchema, assignmentChangeSchema } from './assignment.schema';
import { officeHoursStatusSchema } from './office-hours.schema';

// WIRE VALUES: live events the engine publishes (core NATS) after each commit, on
// topology(ns).engineEventsSubject(name). Every admin-api replica subscribes (no queue group) and forwards
// them to its SSE clients. They are notifications, not the record: a console that missed some catches up
// through the REST API.

export const ENGINE_EVENT_NAMES = [
  'message.created',
  'message.status',
  'conversation.updated',
  // Assignment: a chat's assignee changed (`assignment`, with `conversation`); an agent's availability,
  // capacity or load changed (`agent`; phone_number and user_id null).
  'assignment.changed',
  'agent.updated',
  // The student was erased (issue 15): consoles drop the conversation; only phone_number and user_id are set.
  'conversation.erased',
  // Office hours (issue 14): the schedule or a closure changed (`office_hours`, as now; phone_number and user_id null).
  'office_hours.updated',
] as const;
export type EngineEventName = (typeof ENGINE_EVENT_NAMES)[number];

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
