// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { ParkedEvent } from '../api/types';
import { AGENT, fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';

afterEach(cleanup);

const parked = (overrides: Partial<ParkedEvent> = {}): ParkedEvent => ({
  id: '00000000-0000-4000-8000-0000000000e1',
  source: 'inbound',
  subject: 'prod.inbound.message',
  stream_seq: 42,
  phone_number: '447700900123',
  payload: '{"text":"hello"}',
  error: 'conversation lookup timed out',
  attempts: 5,
  status: 'parked',
  parked_at: '2026-12-03T08:00:00.000Z',
  resolved_at: null,
  resolved_by: null,
  ...overrides,
});
const second = parked({ id: '00000000-0000-4000-8000-0000000000e2', source: 'delivery', phone_number: null, error: 'unknown message id' });

const rowOf = async (error: string) => (await screen.findByText(error)).closest('tr')!;

function openParked(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return renderConsole({
    path: '/parked-events',
    api: fakeApi({ listParkedEvents: vi.fn(() => Promise.resolve({ items: [parked(), second], next_cursor: null })), ...overrides }),
  });
}

describe('parked events', () => {
  it('lists parked events with their source, student, error, attempts and status, and shows a payload on demand', async () => {
    const { api } = openParked();
    const row = await rowOf('conversation lookup timed out');
    expect(api.listParkedEvents).toHaveBeenCalledWith('parked', undefined);
    expect(within(row).getByText('+447700900123')).toBeTruthy();
    expect(within(row).getByText('inbound')).toBeTruthy();
    expect(within(row).getByText('5')).toBeTruthy();
    expect(within(row).queryByLabelText('Payload')).toBeNull();
    await userEvent.click(within(row).getByRole('button', { name: 'Show payload' }));
    expect(within(row).getByLabelText('Payload').textContent).toBe('{"text":"hello"}');
    expect(screen.getByRole('link', { name: /^Parked events/ }).getAttribute('aria-current')).toBe('page');
  });

  it('retries an event and shows that it was handled, without Retry or Discard for it any more', async () => {
    const retryParkedEvent = vi.fn(() =>
      Promise.resolve({ event: parked({ status: 'retried', resolved_by: 'head', resolved_at: '2026-12-03T09:00:00.000Z' }) }),
    );
    openParked({ retryParkedEvent });
    const row = await rowOf('conversation lookup timed out');
    await userEvent.click(within(row).getByRole('button', { name: 'Retry' }));
    expect(retryParkedEvent).toHaveBeenCalledWith(parked().id);
    expect(await within(row).findByText('Retried: handled this time.')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(within(row).getByText('by head')).toBeTruthy();
  });

  it('shows a retry that failed again with its new error, and keeps the event retryable', async () => {
    openParked({ retryParkedEvent: vi.fn(() => Promise.resolve({ event: parked({ attempts: 6, error: 'still timing out' }) })) });
    const row = await rowOf('conversation lookup timed out');
    await userEvent.click(within(row).getByRole('button', { name: 'Retry' }));
    expect((await within(row).findByRole('alert')).textContent).toBe('The retry failed again (attempt 6): still timing out');
    expect(within(row).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it("discards an event, and shows the server's refusal of one that is no longer parked", async () => {
    const discardParkedEvent = vi
      .fn()
      .mockResolvedValueOnce({ event: parked({ status: 'discarded', resolved_by: 'head' }) })
      .mockRejectedValueOnce(new ApiError(409, 'not_parked', 'the event is not parked'));
    openParked({ discardParkedEvent });
    const first = await rowOf('conversation lookup timed out');
    await userEvent.click(within(first).getByRole('button', { name: 'Discard' }));
    expect(await within(first).findByText('Discarded.')).toBeTruthy();
    const other = await rowOf('unknown message id');
    await userEvent.click(within(other).getByRole('button', { name: 'Discard' }));
    expect((await within(other).findByRole('alert')).textContent).toBe('the event is not parked');
    expect(discardParkedEvent).toHaveBeenLastCalledWith(second.id);
  });

  it('loads older pages and switches to resolved events', async () => {
    const pages: Record<string, { items: ParkedEvent[]; next_cursor: string | null }> = {
      'parked:': { items: [parked()], next_cursor: 'c1' },
      'parked:c1': { items: [second], next_cursor: null },
      'discarded:': { items: [parked({ status: 'discarded', error: 'an old one' })], next_cursor: null },
    };
    const listParkedEvents = vi.fn((status: string, cursor?: string) => Promise.resolve(pages[`${status}:${cursor ?? ''}`]!));
    openParked({ listParkedEvents });
    await rowOf('conversation lookup timed out');
    await userEvent.click(screen.getByRole('button', { name: 'Load older events' }));
    await rowOf('unknown message id');
    expect(listParkedEvents).toHaveBeenCalledWith('parked', 'c1');
    expect(screen.queryByRole('button', { name: 'Load older events' })).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Show'), 'discarded');
    await rowOf('an old one');
    expect(listParkedEvents).toHaveBeenCalledWith('discarded', undefined);
    expect(screen.queryByRole('button', { name: 'Discard' })).toBeNull();
  });

  it('counts the events waiting for a decision in the nav, with a + when there are more than a page', async () => {
    const listParkedEvents = vi.fn((_status: string, _cursor?: string, limit?: number) =>
      Promise.resolve({ items: [parked(), second], next_cursor: limit === 100 ? 'more' : null }),
    );
    renderConsole({ path: '/', api: fakeApi({ listParkedEvents }) });
    const link = screen.getByRole('link', { name: /^Parked events/ });
    await waitFor(() => expect(link.textContent).toBe('Parked events (2+)'));
    expect(listParkedEvents).toHaveBeenCalledWith('parked', undefined, 100);
  });

  it('is not offered to agents', async () => {
    const api = fakeApi();
    renderConsole({ path: '/parked-events', user: AGENT, api });
    expect(await screen.findByText(/There is nothing here for you/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Parked events' })).toBeNull();
    expect(api.listParkedEvents).not.toHaveBeenCalled();
  });
});
