import { describe, expect, it } from 'vitest';
import { checkMessagesRequest } from './send-limits';

const send = (type: string, content: unknown, extra: Record<string, unknown> = {}) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: '447700900123',
  type,
  [type]: content,
  ...extra,
});
const buttons = (...items: { id: string; title: string }[]) =>
  send('interactive', {
    type: 'button',
    body: { text: 'Pick one' },
    action: { buttons: items.map((reply) => ({ type: 'reply', reply })) },
  });
const row = (id: string, title = `Row ${id}`) => ({ id, title });
const list = (sections: unknown[], extra: Record<string, unknown> = {}) =>
  send('interactive', { type: 'list', body: { text: 'Pick one' }, action: { button: 'Menu', sections }, ...extra });
const rows = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => row(`${prefix}${i}`));
const x = (n: number) => 'x'.repeat(n);

/** The code and details Meta would answer, or 'ok'. */
function verdict(body: Record<string, unknown>) {
  const problem = checkMessagesRequest(body);
  return problem ? { code: problem.code, details: problem.details } : 'ok';
}

describe('checkMessagesRequest', () => {
  it.each([
    ['a text at the 4096-character limit', send('text', { body: x(4096) })],
    ['a text whose emoji count as one character each', send('text', { body: '\u{1F600}'.repeat(4096) })],
    ['three buttons at their limits', buttons({ id: x(256), title: x(20) }, row('b'), row('c'))],
    ['a list of 10 rows in one untitled section', list([{ rows: rows(10) }])],
    [
      'a list at every length limit',
      list([{ title: x(24), rows: [{ id: x(200), title: x(24), description: x(72) }] }], {
        header: { type: 'text', text: x(60) },
        footer: { text: x(60) },
      }),
    ],
    ['an image by link with a caption', send('image', { link: 'https://example.com/a.jpg', caption: 'A' })],
    ['a document by id with a file name', send('document', { id: '1234', filename: 'a.pdf' })],
    ['a template', send('template', { name: 'hello_world', language: { code: 'en_US' } })],
    [
      'a mark-as-read with a typing indicator',
      { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X', typing_indicator: { type: 'text' } },
    ],
    ['a send without type (Meta defaults it to text)', { messaging_product: 'whatsapp', to: '1234567', text: { body: 'hi' } }],
    [
      'a send to a business-scoped user id by top-level recipient',
      { messaging_product: 'whatsapp', recipient: 'NG.13491208655302741918', type: 'text', text: { body: 'hi' } },
    ],
    [
      'a send naming both a phone and a business-scoped user id (Meta sends to the phone)',
      send('text', { body: 'hi' }, { recipient: 'US.ENT.123' }),
    ],
  ])('accepts %s', (_, body) => {
    expect(verdict(body)).toBe('ok');
  });

  it.each([
    ['a text over 4096 characters', send('text', { body: x(4097) }), 100, "Param text['body'] must be at most 4096 characters long"],
    ['a text without a body', send('text', {}), 131008, "Parameter text['body'] is required."],
    [
      'a send without its content object',
      { messaging_product: 'whatsapp', to: '1234567', type: 'image' },
      131008,
      'Parameter image is required.',
    ],
    [
      'four buttons',
      buttons(row('a'), row('b'), row('c'), row('d')),
      131009,
      'Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3.',
    ],
    ['no buttons', buttons(), 131009, 'Invalid buttons count'],
    [
      'a button title over 20',
      buttons({ id: 'a', title: x(21) }),
      131009,
      "interactive['action']['buttons'][0]['reply']['title'] must be at most 20 characters",
    ],
    ['a blank button title', buttons({ id: 'a', title: ' ' }), 131009, 'must be non-empty'],
    ['a button id over 256', buttons({ id: x(257), title: 'A' }), 131009, "['reply']['id'] must be at most 256"],
    [
      'a button without an id',
      send('interactive', { type: 'button', body: { text: 'B' }, action: { buttons: [{ type: 'reply', reply: { title: 'A' } }] } }),
      131008,
      "['reply']['id'] is required",
    ],
    ['two buttons with one id', buttons({ id: 'a', title: 'A' }, { id: 'a', title: 'B' }), 131009, 'Button ids must be unique'],
    [
      'an interactive body over 1024',
      send('interactive', { type: 'button', body: { text: x(1025) }, action: { buttons: [{ type: 'reply', reply: row('a') }] } }),
      131009,
      "interactive['body']['text'] must be at most 1024",
    ],
    [
      'an interactive without a body',
      send('interactive', { type: 'button', action: { buttons: [{ type: 'reply', reply: row('a') }] } }),
      131008,
      "Parameter interactive['body'] is required.",
    ],
    [
      'a header over 60',
      list([{ rows: rows(1) }], { header: { type: 'text', text: x(61) } }),
      131009,
      "interactive['header']['text'] must be at most 60",
    ],
    [
      'a footer over 60',
      list([{ rows: rows(1) }], { footer: { text: x(61) } }),
      131009,
      "interactive['footer']['text'] must be at most 60",
    ],
    ['11 rows in one section', list([{ rows: rows(11) }]), 131009, 'Invalid rows count'],
    [
      '11 rows across two sections',
      list([
        { title: 'A', rows: rows(6, 'a') },
        { title: 'B', rows: rows(5, 'b') },
      ]),
      131009,
      'Total row count exceed max allowed count: 10.',
    ],
    [
      '11 sections',
      list(Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: [row(`r${i}`)] }))),
      131009,
      'Invalid sections count',
    ],
    [
      'a second section without a title',
      list([{ title: 'A', rows: [row('a')] }, { rows: [row('b')] }]),
      131008,
      "['sections'][1]['title'] is required",
    ],
    ['a section title over 24', list([{ title: x(25), rows: [row('a')] }]), 131009, "['sections'][0]['title'] must be at most 24"],
    ['a row title over 24', list([{ rows: [row('a', x(25))] }]), 131009, "['rows'][0]['title'] must be at most 24"],
    ['a row description over 72', list([{ rows: [{ ...row('a'), description: x(73) }] }]), 131009, "['description'] must be at most 72"],
    ['a row id over 200', list([{ rows: [row(x(201))] }]), 131009, "['rows'][0]['id'] must be at most 200"],
    [
      'a list button label over 20',
      send('interactive', { type: 'list', body: { text: 'B' }, action: { button: x(21), sections: [{ rows: rows(1) }] } }),
      131009,
      "interactive['action']['button'] must be at most 20",
    ],
    [
      'a list without its button label',
      send('interactive', { type: 'list', body: { text: 'B' }, action: { sections: [{ rows: rows(1) }] } }),
      131008,
      "interactive['action']['button'] is required",
    ],
    [
      'two rows with one id',
      list([
        { title: 'A', rows: [row('a')] },
        { title: 'B', rows: [row('a')] },
      ]),
      131009,
      'Row ids must be unique',
    ],
    ['an image with both id and link', send('image', { id: '1', link: 'https://example.com/a.jpg' }), 100, 'either id or link'],
    ['an image with neither id nor link', send('image', { caption: 'A' }), 131008, "image['id'] or image['link'] is required"],
    ['a caption over 1024', send('image', { id: '1', caption: x(1025) }), 131009, "image['caption'] must be at most 1024"],
    [
      'biz_opaque_callback_data over 512',
      send('text', { body: 'hi' }, { biz_opaque_callback_data: x(513) }),
      131009,
      'biz_opaque_callback_data must be at most 512',
    ],
    ['an unknown type', send('carousel', {}), 100, 'Param type must be one of'],
    [
      'a send without a recipient',
      { messaging_product: 'whatsapp', type: 'text', text: { body: 'hi' } },
      131008,
      'Parameter to (or recipient) is required.',
    ],
    [
      'a send whose recipient is not a business-scoped user id',
      { messaging_product: 'whatsapp', recipient: '447700900123', type: 'text', text: { body: 'hi' } },
      100,
      'Param recipient must be a business-scoped user id',
    ],
    [
      'a send whose recipient is not a string',
      { messaging_product: 'whatsapp', recipient: { id: 'NG.1' }, type: 'text', text: { body: 'hi' } },
      100,
      'Param recipient must be',
    ],
    [
      'a mark-as-read naming a recipient',
      { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X', recipient: 'NG.1' },
      100,
      'Param recipient is not allowed',
    ],
    ['a send without messaging_product', { to: '1234567', type: 'text', text: { body: 'hi' } }, 100, 'messaging_product is required'],
    [
      'a mark-as-read with a recipient',
      { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X', to: '1234567' },
      100,
      'Param to is not allowed',
    ],
    ['a mark-as-read without a message id', { messaging_product: 'whatsapp', status: 'read' }, 131008, 'Parameter message_id is required.'],
    ['a template without a language', send('template', { name: 'hello_world' }), 131008, "template['language'] is required"],
  ])('refuses %s', (_, body, code, details) => {
    expect(verdict(body as Record<string, unknown>)).toEqual({ code, details: expect.stringContaining(details) });
  });
});
