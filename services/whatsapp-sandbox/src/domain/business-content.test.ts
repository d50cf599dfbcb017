import { describe, expect, it } from 'vitest';
import { businessContent } from './business-content';
import { advanceTicks, statusesUpTo } from './chat';

describe('businessContent', () => {
  it('shows reply buttons with their ids, header and footer', () => {
    const body = {
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Support' },
        body: { text: 'You are in the queue' },
        footer: { text: 'School' },
        action: { buttons: [{ type: 'reply', reply: { id: 'end_chat', title: 'End chat' } }] },
      },
    };
    expect(businessContent(body)).toEqual({
      type: 'buttons',
      header: 'Support',
      body: 'You are in the queue',
      footer: 'School',
      buttons: [{ id: 'end_chat', title: 'End chat' }],
    });
  });

  it('shows a list with its sections, rows and descriptions', () => {
    const body = {
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'What would you like to do?' },
        action: {
          button: 'Menu',
          sections: [
            {
              title: 'Options',
              rows: [
                { id: 'support', title: 'Chat Support', description: 'Talk to staff' },
                { id: 'faq', title: 'FAQ' },
              ],
            },
          ],
        },
      },
    };
    expect(businessContent(body)).toEqual({
      type: 'list',
      body: 'What would you like to do?',
      button: 'Menu',
      sections: [
        {
          title: 'Options',
          rows: [
            { id: 'support', title: 'Chat Support', description: 'Talk to staff' },
            { id: 'faq', title: 'FAQ' },
          ],
        },
      ],
    });
  });

  it('shows text, media by id or link, and templates with their parameters', () => {
    expect(businessContent({ type: 'text', text: { body: 'hi' } })).toEqual({ type: 'text', text: 'hi' });
    expect(businessContent({ type: 'document', document: { id: '42', filename: 'a.pdf', caption: 'Homework' } })).toEqual({
      type: 'media',
      kind: 'document',
      mediaId: '42',
      filename: 'a.pdf',
      caption: 'Homework',
    });
    expect(businessContent({ type: 'image', image: { link: 'https://example.com/a.png' } })).toEqual({
      type: 'media',
      kind: 'image',
      link: 'https://example.com/a.png',
    });
    expect(
      businessContent({
        type: 'template',
        template: {
          name: 'reminder',
          language: { code: 'en' },
          components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }],
        },
      }),
    ).toEqual({ type: 'template', name: 'reminder', language: 'en', parameters: ['Ada'] });
  });
});

describe('ticks and statuses', () => {
  it('only moves ticks forward; a failure is final but never greys a read message', () => {
    expect(advanceTicks('read', 'delivered')).toBe('read');
    expect(advanceTicks('sent', 'read')).toBe('read');
    expect(advanceTicks('sent', 'failed')).toBe('failed');
    expect(advanceTicks('failed', 'delivered')).toBe('failed');
    expect(advanceTicks('read', 'failed')).toBe('read');
  });

  it("lists the statuses still to report, in Meta's order", () => {
    expect(statusesUpTo('accepted', 'read')).toEqual(['sent', 'delivered', 'read']);
    expect(statusesUpTo('sent', 'delivered')).toEqual(['delivered']);
    expect(statusesUpTo('read', 'delivered')).toEqual([]);
  });
});
