import { conversationViewSchema, engineRpc, messageViewSchema, studentIdSchema, supportStatusSchema } from '@app/contracts';
import { z } from 'zod';

// Response shapes are the engine's own (libs/contracts): admin-api serves what the engine answers, through
// the same schema, so a REST answer, an SSE event and a NATS reply cannot drift apart.
export const conversationPageSchema = engineRpc.listConversations.reply.options[0].shape.data;
export const messagePageSchema = engineRpc.listMessages.reply.options[0].shape.data;
export const statsSchema = engineRpc.stats.reply.options[0].shape.data;
export const conversationResponseSchema = z.object({ conversation: conversationViewSchema });
export const messageResponseSchema = z.object({ message: messageViewSchema });

/**
 * `{student}` in a path: the phone digits (E.164 without +) or, for a student who withholds their number, the
 * business-scoped user id. Either finds the same conversation once the engine knows both, so URLs built from
 * a phone number keep working.
 */
export const studentParamsSchema = z.object({
  student: studentIdSchema.meta({
    description:
      "The student: their phone number's digits (E.164 without +, e.g. 447700900123) or, when WhatsApp withholds their number, their business-scoped user id (e.g. NG.13491208655302741918)",
    example: '447700900123',
  }),
});

const limit = (max: number) => z.coerce.number().int().min(1).max(max).optional();
const message = z.string().trim().min(1).max(4096);

export const listConversationsQuerySchema = z.object({
  chat_support: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  status: supportStatusSchema.optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: "matches the student's name, phone number, username or business-scoped user id" }),
  label: z.uuid().optional().meta({ description: 'only conversations carrying this label (its id)' }),
  arrived_while_closed: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'true: only conversations whose open support chat was asked for outside office hours' }),
  limit: limit(100),
  cursor: z.string().max(200).optional(),
});

export const listMessagesQuerySchema = z.object({
  limit: limit(200),
  before: z.string().max(200).optional(),
});

export const optionalMessageBodySchema = z.object({ message: message.optional() });
export const sendMessageBodySchema = z.object({ message });
/** The template is the school's configured one: nothing to choose (an empty body, or none). */
export const templateBodySchema = z.object({});
/** The admin is typing: nothing to say (an empty body, or none). */
export const typingBodySchema = z.object({});

// Scoped to the admin before it reaches the engine (`<user id>:<key>`), which caps it at 300 characters.
export const idempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional(),
});
