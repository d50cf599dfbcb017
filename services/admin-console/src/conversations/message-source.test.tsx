// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { message, waitingChat } from '../testing/builders';
import { fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';

const PHONE = '447700900001';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('a message the school sent from the WhatsApp Business app', () => {
  const open = (items: ReturnType<typeof message>[]) =>
    renderConsole({
      path: `/conversations/${PHONE}`,
      api: fakeApi({
        listConversations: vi.fn(() => Promise.resolve({ items: [waitingChat({ phone_number: PHONE })], next_cursor: null })),
        listMessages: vi.fn(() => Promise.resolve({ items, next_cursor: null })),
      }),
    });

  it('is labelled as sent from the Business app; what the console sent is not', async () => {
    open([
      message({ id: 'echo', text: 'See you at 9', author: 'agent', direction: 'outbound', status: 'sent', source: 'business_app' }),
      message({
        id: 'ours',
        text: 'I am here',
        author: 'agent',
        agent_name: 'Ms Smith',
        direction: 'outbound',
        status: 'sent',
        source: 'cloud_api',
      }),
    ]);
    const log = await screen.findByRole('log');
    await within(log).findByText('See you at 9');
    const labels = within(log).getAllByText('via WhatsApp Business app');
    expect(labels).toHaveLength(1);
    expect(labels[0]?.closest('[data-message-id]')?.getAttribute('data-message-id')).toBe('echo');
  });

  it('arrives live with its label', async () => {
    const view = open([]);
    await screen.findByRole('log');
    view.emit('message.created', {
      phone_number: PHONE,
      message: message({ text: 'Call us back', author: 'agent', direction: 'outbound', status: 'sent', source: 'business_app' }),
    });
    expect(await screen.findByText('via WhatsApp Business app')).toBeTruthy();
  });
});
