import { z } from 'zod';
import { conversationViewSchema, messageViewSchema } from './views.schema';

// WIRE VALUES: live events the engine publishes (core NATS) after each commit, on
// topology(ns).engineEventsSubject(name). Every admin-api replica subscribes (no queue group) and forwards
// them to its SSE clients. They are notifications, not the record: a console that missed some catches up
// through the REST API.

export const ENGINE_EVENT_NAMES = ['message.created', 'message.status', 'conversation.updated'] as const;
export type EngineEventName = (typeof ENGINE_EVENT_NAMES)[number];

export const engineEventSchema = z.object({
  event: z.enum(ENGINE_EVENT_NAMES),
  /** The student, as on conversation items: phone (null when withheld) and business-scoped user id (null when unknown). */
  phone_number: z.string().nullable(),
  user_id: z.string().nullable(),
  message: messageViewSchema.optional(),
  conversation: conversationViewSchema.optional(),
  occurredAt: z.iso.datetime({ offset: true }),
});
export type EngineEvent = z.infer<typeof engineEventSchema>;
