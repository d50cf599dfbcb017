import { z } from 'zod';
import { WHATSAPP_LIMITS as L } from './limits';

const text = (max: number) => z.string().trim().min(1).max(max);

const textMessageSchema = z.object({
  kind: z.literal('text'),
  body: text(L.textBody),
  previewUrl: z.boolean().optional(),
  /** wamid of the message to quote. */
  replyTo: z.string().min(1).optional(),
});

const buttonsMessageSchema = z
  .object({
    kind: z.literal('buttons'),
    header: text(L.headerText).optional(),
    body: text(L.interactiveBody),
    footer: text(L.footerText).optional(),
    buttons: z
      .array(z.object({ id: text(L.buttonId), title: text(L.buttonTitle) }))
      .min(1)
      .max(L.buttons),
  })
  .refine((m) => new Set(m.buttons.map((b) => b.id)).size === m.buttons.length, {
    message: 'button ids must be unique',
    path: ['buttons'],
  });

const listRowSchema = z.object({
  id: text(L.listRowId),
  title: text(L.listRowTitle),
  description: text(L.listRowDescription).optional(),
});

const listMessageSchema = z
  .object({
    kind: z.literal('list'),
    header: text(L.headerText).optional(),
    body: text(L.interactiveBody),
    footer: text(L.footerText).optional(),
    button: text(L.listButton),
    sections: z
      .array(z.object({ title: text(L.listSectionTitle).optional(), rows: z.array(listRowSchema).min(1) }))
      .min(1)
      .max(L.listSections),
  })
  .superRefine((m, ctx) => {
    const rows = m.sections.flatMap((s) => s.rows);
    if (rows.length > L.listRowsTotal) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: `at most ${L.listRowsTotal} rows in all` });
    }
    if (new Set(rows.map((r) => r.id)).size !== rows.length) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'row ids must be unique' });
    }
    if (m.sections.length > 1 && m.sections.some((s) => !s.title)) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'every section needs a title when there are several' });
    }
  });

export const templateMessageSchema = z.object({
  kind: z.literal('template'),
  name: z.string().regex(/^[a-z0-9_]{1,512}$/),
  language: z.string().min(2).max(15),
  bodyParameters: z.array(z.string().min(1).max(1024)).max(50).default([]),
});

const mediaMessageSchema = z
  .object({
    kind: z.enum(['image', 'document']),
    mediaId: z.string().min(1).optional(),
    link: z.url().optional(),
    caption: text(L.caption).optional(),
    filename: z.string().min(1).max(240).optional(),
  })
  .refine((m) => (m.mediaId === undefined) !== (m.link === undefined), {
    message: 'exactly one of mediaId and link',
  });

/** What the engine asks the sender to deliver; every WhatsApp limit is enforced here, before queueing. */
export const outboundMessageSchema = z.discriminatedUnion('kind', [
  textMessageSchema,
  buttonsMessageSchema,
  listMessageSchema,
  templateMessageSchema,
  mediaMessageSchema,
]);
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
export type OutboundMessageInput = z.input<typeof outboundMessageSchema>;

/** The plain text an outbound message shows, for history and previews. */
export function outboundMessagePreview(message: OutboundMessage): string {
  switch (message.kind) {
    case 'text':
    case 'buttons':
    case 'list':
      return message.body;
    case 'template':
      return `[template ${message.name}]`;
    case 'image':
    case 'document':
      return message.caption ?? `[${message.kind}]`;
  }
}
