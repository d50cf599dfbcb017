import { labelColourSchema, labelNameSchema, labelViewSchema, messageViewSchema, noteTextSchema } from '@app/contracts';
import { z } from 'zod';
import type { CannedReply } from '../../../domain/canned-reply';
import type { RenderedCannedReply } from '../../../use-cases/render-canned-replies';
import { studentParamsSchema } from './conversations.schema';

// Agent tools (issue 14): private notes, canned replies, labels.

export const noteBodySchema = z.strictObject({
  text: noteTextSchema.meta({ description: 'the note, 1-4096 characters; only the team sees it' }),
});
export const noteResponseSchema = z.object({ message: messageViewSchema });

export const idParamsSchema = z.object({ id: z.uuid() });
export const studentLabelParamsSchema = studentParamsSchema.extend({ id: z.uuid() });

const title = z.string().trim().min(1).max(80);
const shortcut = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, 'letters, digits, - and _ (1-30, starting with a letter or digit)')
  .meta({ description: 'what an agent types after / in the composer to find it; stored in lower case, unique' });
const body = z
  .string()
  .min(1)
  .max(4096)
  .refine((text) => text.trim().length > 0, 'not only spaces')
  .meta({
    description:
      'the reply; {student_name}, {agent_name} and {class} are filled when an agent picks it, anything else in braces stays as typed',
  });

export const cannedReplyBodySchema = z.strictObject({ title, shortcut, body });
export const cannedReplyPatchSchema = z
  .strictObject({ title: title.optional(), shortcut: shortcut.optional(), body: body.optional() })
  .refine((change) => Object.values(change).some((value) => value !== undefined), 'name at least one of title, shortcut, body');

const cannedReplySchema = z.object({
  id: z.string(),
  title: z.string(),
  shortcut: z.string(),
  body: z.string(),
  updated_at: z.iso.datetime({ offset: true }),
});
export const cannedReplyResponseSchema = z.object({ canned_reply: cannedReplySchema });
export const cannedReplyListSchema = z.object({ items: z.array(cannedReplySchema) });
export const renderedCannedReplyListSchema = z.object({
  items: z.array(
    cannedReplySchema.extend({
      text: z.string().meta({ description: 'the body with its placeholders filled for this student and the caller' }),
    }),
  ),
});
export const cannedReplyQuerySchema = z.object({
  q: z.string().trim().max(30).optional().meta({ description: 'part of the shortcut or title, any case' }),
});

export const presentCannedReply = (reply: CannedReply) => ({
  id: reply.id,
  title: reply.title,
  shortcut: reply.shortcut,
  body: reply.body,
  updated_at: reply.updatedAt.toISOString(),
});
export const presentRenderedCannedReply = (reply: RenderedCannedReply) => ({ ...presentCannedReply(reply), text: reply.text });

export const labelBodySchema = z.strictObject({ name: labelNameSchema, colour: labelColourSchema });
export const labelPatchSchema = z
  .strictObject({ name: labelNameSchema.optional(), colour: labelColourSchema.optional() })
  .refine((change) => change.name !== undefined || change.colour !== undefined, 'name at least one of name, colour');
export const labelResponseSchema = z.object({ label: labelViewSchema });
export const labelListSchema = z.object({ items: z.array(labelViewSchema) });
export const conversationLabelBodySchema = z.strictObject({ label_id: z.uuid() });
