import { describe, expect, it } from 'vitest';
import { outboundMessageSchema, type OutboundMessageInput } from '@app/contracts';
import { buildMessageBody } from './message-body';

const TO = '447700900123';
const MESSAGE_ID = '0b6f3c1e-8d1a-4f4e-9a57-2f1f4b3b8c11';
const build = (input: OutboundMessageInput) => buildMessageBody({ to: TO }, MESSAGE_ID, outboundMessageSchema.parse(input));
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: TO, biz_opaque_callback_data: MESSAGE_ID };

describe('buildMessageBody', () => {
  it('builds a plain text message', () => {
    expect(build({ kind: 'text', body: 'Hello' })).toEqual({ ...envelope, type: 'text', text: { body: 'Hello' } });
  });

  it("addresses a student known only by their business-scoped user id by Meta's top-level recipient, without to", () => {
    const body = buildMessageBody(
      { recipient: 'NG.13491208655302741918' },
      MESSAGE_ID,
      outboundMessageSchema.parse({ kind: 'text', body: 'Hello' }),
    );
    const { to: _, ...rest } = envelope;
    expect(body).toEqual({ ...rest, recipient: 'NG.13491208655302741918', type: 'text', text: { body: 'Hello' } });
    expect(body).not.toHaveProperty('to');
  });

  it('quotes the replied-to message and passes the link preview flag', () => {
    expect(build({ kind: 'text', body: 'See https://x.test', previewUrl: true, replyTo: 'wamid.ABC' })).toEqual({
      ...envelope,
      type: 'text',
      text: { body: 'See https://x.test', preview_url: true },
      context: { message_id: 'wamid.ABC' },
    });
  });

  it('builds reply buttons with header and footer', () => {
    const body = build({
      kind: 'buttons',
      header: 'Menu',
      body: 'What do you need?',
      footer: 'School support',
      buttons: [
        { id: 'support', title: 'Chat Support' },
        { id: 'profile', title: 'My profile' },
      ],
    });
    expect(body).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Menu' },
        body: { text: 'What do you need?' },
        footer: { text: 'School support' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'support', title: 'Chat Support' } },
            { type: 'reply', reply: { id: 'profile', title: 'My profile' } },
          ],
        },
      },
    });
  });

  it('leaves header and footer out of reply buttons that have none', () => {
    const body = build({ kind: 'buttons', body: 'Chat started', buttons: [{ id: 'end_chat', title: 'End chat' }] });
    expect(body.interactive).toEqual({
      type: 'button',
      body: { text: 'Chat started' },
      action: { buttons: [{ type: 'reply', reply: { id: 'end_chat', title: 'End chat' } }] },
    });
  });

  it('builds a list with titled sections and optional row descriptions', () => {
    const body = build({
      kind: 'list',
      body: 'Pick your class',
      button: 'Classes',
      sections: [
        { title: 'Juniors', rows: [{ id: 'c1', title: 'Class 1', description: 'Ages 6-7' }] },
        { title: 'Seniors', rows: [{ id: 'c6', title: 'Class 6' }] },
      ],
    });
    expect(body).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Pick your class' },
        action: {
          button: 'Classes',
          sections: [
            { title: 'Juniors', rows: [{ id: 'c1', title: 'Class 1', description: 'Ages 6-7' }] },
            { title: 'Seniors', rows: [{ id: 'c6', title: 'Class 6' }] },
          ],
        },
      },
    });
  });

  it('builds a list with a single untitled section', () => {
    const body = build({ kind: 'list', body: 'Pick', button: 'Open', sections: [{ rows: [{ id: 'a', title: 'A' }] }] });
    expect(body.interactive).toMatchObject({ action: { button: 'Open', sections: [{ rows: [{ id: 'a', title: 'A' }] }] } });
    expect((body.interactive as { action: { sections: object[] } }).action.sections[0]).not.toHaveProperty('title');
  });

  it('builds a template with its body parameters in order', () => {
    expect(build({ kind: 'template', name: 'chat_reminder', language: 'en_GB', bodyParameters: ['Ada', 'Maths'] })).toEqual({
      ...envelope,
      type: 'template',
      template: {
        name: 'chat_reminder',
        language: { code: 'en_GB' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ada' },
              { type: 'text', text: 'Maths' },
            ],
          },
        ],
      },
    });
  });

  it('sends a template without variables with no components', () => {
    expect(build({ kind: 'template', name: 'hello_world', language: 'en_US' })).toEqual({
      ...envelope,
      type: 'template',
      template: { name: 'hello_world', language: { code: 'en_US' } },
    });
  });

  it('builds an image by media id with a caption', () => {
    expect(build({ kind: 'image', mediaId: '1234567890', caption: 'Timetable' })).toEqual({
      ...envelope,
      type: 'image',
      image: { id: '1234567890', caption: 'Timetable' },
    });
  });

  it('builds an image by link and leaves out a file name', () => {
    expect(build({ kind: 'image', link: 'https://cdn.test/a.png', filename: 'a.png' })).toEqual({
      ...envelope,
      type: 'image',
      image: { link: 'https://cdn.test/a.png' },
    });
  });

  it('builds a document by link with its file name', () => {
    expect(build({ kind: 'document', link: 'https://cdn.test/t.pdf', filename: 'timetable.pdf', caption: 'Term 2' })).toEqual({
      ...envelope,
      type: 'document',
      document: { link: 'https://cdn.test/t.pdf', caption: 'Term 2', filename: 'timetable.pdf' },
    });
  });

  it('builds a document by media id', () => {
    expect(build({ kind: 'document', mediaId: '987' })).toEqual({ ...envelope, type: 'document', document: { id: '987' } });
  });
});
