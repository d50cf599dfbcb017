import type { OutboundMessage } from '@app/contracts';
import type { Addressee } from './addressee';

/** The JSON body of POST /{phone_number_id}/messages, as Meta documents it. */
export type CloudApiMessageBody = Addressee & {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  type: 'text' | 'interactive' | 'template' | 'image' | 'document';
  /** Echoed back by Meta in every status webhook of this message: lets a status find our message. */
  biz_opaque_callback_data: string;
  [content: string]: unknown;
};

interface Content {
  type: CloudApiMessageBody['type'];
  [field: string]: unknown;
}

const textHeader = (text: string | undefined) => (text === undefined ? {} : { header: { type: 'text', text } });
const footer = (text: string | undefined) => (text === undefined ? {} : { footer: { text } });

function content(message: OutboundMessage): Content {
  switch (message.kind) {
    case 'text':
      return {
        type: 'text',
        text: { body: message.body, ...(message.previewUrl === undefined ? {} : { preview_url: message.previewUrl }) },
        ...(message.replyTo === undefined ? {} : { context: { message_id: message.replyTo } }),
      };
    case 'buttons':
      return {
        type: 'interactive',
        interactive: {
          type: 'button',
          ...textHeader(message.header),
          body: { text: message.body },
          ...footer(message.footer),
          action: { buttons: message.buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })) },
        },
      };
    case 'list':
      return {
        type: 'interactive',
        interactive: {
          type: 'list',
          ...textHeader(message.header),
          body: { text: message.body },
          ...footer(message.footer),
          action: {
            button: message.button,
            sections: message.sections.map((section) => ({
              ...(section.title === undefined ? {} : { title: section.title }),
              rows: section.rows.map(({ id, title, description }) => ({
                id,
                title,
                ...(description === undefined ? {} : { description }),
              })),
            })),
          },
        },
      };
    case 'template':
      return {
        type: 'template',
        template: {
          name: message.name,
          language: { code: message.language },
          // A template without variables is sent without components; Meta rejects an empty parameter list.
          ...(message.bodyParameters.length === 0
            ? {}
            : { components: [{ type: 'body', parameters: message.bodyParameters.map((text) => ({ type: 'text', text })) }] }),
        },
      };
    case 'image':
    case 'document': {
      const media = {
        ...(message.mediaId === undefined ? { link: message.link } : { id: message.mediaId }),
        ...(message.caption === undefined ? {} : { caption: message.caption }),
        // In Meta's media object only a document has a file name.
        ...(message.kind === 'document' && message.filename !== undefined ? { filename: message.filename } : {}),
      };
      return { type: message.kind, [message.kind]: media };
    }
  }
}

/** Builds the send request for one outbound message; `messageId` is our id, echoed in its statuses. */
export function buildMessageBody(addressee: Addressee, messageId: string, message: OutboundMessage): CloudApiMessageBody {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    ...addressee,
    ...content(message),
    biz_opaque_callback_data: messageId,
  };
}
