import type { WhatsAppMessage } from '@app/contracts';

/** What the student sent, reduced to what the bot and the history care about. */
export type InboundInput =
  | { kind: 'text'; text: string }
  /** A tapped reply button or list row: routed by id only, never by its title. */
  | { kind: 'reply'; id: string; title: string }
  | {
      kind: 'media';
      mediaType: 'image' | 'document' | 'audio' | 'video';
      mediaId: string;
      mimeType?: string;
      sha256?: string;
      caption?: string;
      filename?: string;
    }
  | { kind: 'unsupported'; type: string };

export function toInboundInput(message: WhatsAppMessage): InboundInput {
  switch (message.type) {
    case 'text':
      return message.text ? { kind: 'text', text: message.text.body } : { kind: 'unsupported', type: 'text' };
    case 'interactive': {
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      return reply ? { kind: 'reply', id: reply.id, title: reply.title } : { kind: 'unsupported', type: 'interactive' };
    }
    case 'button':
      // Quick reply on a template: the payload is our id, the text its label.
      return message.button?.payload
        ? { kind: 'reply', id: message.button.payload, title: message.button.text ?? message.button.payload }
        : { kind: 'unsupported', type: 'button' };
    case 'image':
    case 'document':
    case 'audio':
    case 'video': {
      const media = message[message.type];
      if (!media) return { kind: 'unsupported', type: message.type };
      return {
        kind: 'media',
        mediaType: message.type,
        mediaId: media.id,
        ...(media.mime_type ? { mimeType: media.mime_type } : {}),
        ...(media.sha256 ? { sha256: media.sha256 } : {}),
        ...(media.caption ? { caption: media.caption } : {}),
        ...(media.filename ? { filename: media.filename } : {}),
      };
    }
    default:
      return { kind: 'unsupported', type: message.type };
  }
}

/** The text shown for an inbound message in history and previews. */
export function inboundText(input: InboundInput): string | null {
  switch (input.kind) {
    case 'text':
      return input.text;
    case 'reply':
      return input.title;
    case 'media':
      return input.caption ?? `[${input.mediaType}]`;
    case 'unsupported':
      return null;
  }
}
