// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { message, waitingChat } from '../testing/builders';
import { fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';
import { formatClockTime } from '../ui/format';
import { retryNoteText } from './retry-note';

const PHONE = '447700900001';
const NOW = Date.parse('2026-12-04T14:02:56.000Z');
const DUE = '2026-12-04T14:03:12.000Z';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('the line under a message WhatsApp made us wait with', () => {
  it.each([
    ['pair_rate_limit', 131056, "Delayed by WhatsApp's rate limit for this student"],
    ['throughput', 130429, "Delayed by WhatsApp's sending limit for the school's number"],
    ['temporary', 131000, 'Delayed by a temporary WhatsApp error'],
  ] as const)('says in plain words why (%s) and when the next try is', (reason, code, why) => {
    expect(retryNoteText({ reason, code, attempt: 1, next_attempt_at: DUE }, NOW)).toBe(`${why}; next try at ${formatClockTime(DUE)}`);
  });

  it('says the message is being tried again once the time is past', () => {
    const text = retryNoteText({ reason: 'pair_rate_limit', code: 131056, attempt: 2, next_attempt_at: DUE }, Date.parse(DUE) + 1_000);
    expect(text).toBe(`Delayed by WhatsApp's rate limit for this student; trying again (due at ${formatClockTime(DUE)})`);
  });
});

describe('a queued message the sender is retrying, in the thread', () => {
  const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
  const open = (items: ReturnType<typeof message>[]) =>
    renderConsole({
      path: `/conversations/${PHONE}`,
      api: fakeApi({
        listConversations: vi.fn(() => Promise.resolve({ items: [waitingChat({ phone_number: PHONE })], next_cursor: null })),
        listMessages: vi.fn(() => Promise.resolve({ items, next_cursor: null })),
      }),
    });
  const queued = (retrying: ReturnType<typeof message>['retrying']) =>
    message({ id: 'late', text: 'Your timetable', author: 'bot', direction: 'outbound', status: 'queued', retrying });

  it('shows why it is late in its status area, follows the latest note live, and drops it once it is sent', async () => {
    const first = soon(4_000);
    const view = open([
      queued({ reason: 'pair_rate_limit', code: 131056, attempt: 1, next_attempt_at: first }),
      message({ id: 'other', direction: 'outbound', author: 'bot', status: 'queued' }),
    ]);
    const log = await screen.findByRole('log');
    const item = () => log.querySelector('[data-message-id="late"]') as HTMLElement;
    const line = await within(log).findByText(`Delayed by WhatsApp's rate limit for this student; next try at ${formatClockTime(first)}`);
    expect(line.closest('.message-status')).toBeTruthy();
    expect(line.closest('[data-message-id]')?.getAttribute('data-message-id')).toBe('late');
    expect(within(item()).getByRole('img', { name: 'Queued' })).toBeTruthy();
    expect(log.querySelector('[data-message-id="other"] .delivery-retrying')).toBeNull();

    const second = soon(16_000);
    view.emit('message.status', {
      phone_number: PHONE,
      message: queued({ reason: 'pair_rate_limit', code: 131056, attempt: 2, next_attempt_at: second }),
    });
    await within(log).findByText(`Delayed by WhatsApp's rate limit for this student; next try at ${formatClockTime(second)}`);
    view.emit('message.status', { phone_number: PHONE, message: { ...queued(null), status: 'sent' } });
    await waitFor(() => expect(within(item()).getByRole('img', { name: 'Sent' })).toBeTruthy());
    expect(item().querySelector('.delivery-retrying')).toBeNull();
  });
});
