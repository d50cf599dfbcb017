// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { Stats } from '../api/types';
import { waitingChat } from '../testing/builders';
import { ADMIN, AGENT, fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const stats = (waiting: number): Stats => ({
  waiting_chats: waiting,
  active_chats: 1,
  oldest_waiting_since: null,
  chats_today: 4,
  median_first_response_seconds: 95,
});

describe('signing in and out', () => {
  it('signs in with email and password and opens the dashboard', async () => {
    const view = renderConsole({ user: null });
    await userEvent.type(screen.getByLabelText('Email'), ' head@school.test ');
    await userEvent.type(screen.getByLabelText('Password'), 'secret-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeTruthy();
    expect(view.api.login).toHaveBeenCalledWith('head@school.test', 'secret-password');
    expect(sessionStorage.getItem('admin-console.session')).toContain('token-2');
  });

  it('says why a sign-in failed', async () => {
    renderConsole({
      user: null,
      api: fakeApi({ login: vi.fn(() => Promise.reject(new ApiError(401, 'invalid_credentials', 'wrong email or password'))) }),
    });
    await userEvent.type(screen.getByLabelText('Email'), 'head@school.test');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('wrong email or password');
  });

  it('signs out to the login screen and forgets the token and the drafts', async () => {
    localStorage.setItem(`admin-console.draft.${ADMIN.id}.447700900001`, JSON.stringify({ text: 'x', key: 'k' }));
    renderConsole();
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByText(/session expired/)).toBeNull();
    expect(sessionStorage.getItem('admin-console.session')).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it('returns to the login screen when the token expires', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      sessionStorage.clear();
      renderConsole();
      const session = JSON.parse(sessionStorage.getItem('admin-console.session')!) as { expiresAt: number };
      await screen.findByRole('heading', { name: 'Dashboard' });
      await vi.advanceTimersByTimeAsync(session.expiresAt - Date.now() + 1);
      expect(await screen.findByText(/Your session expired/)).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('what each role sees', () => {
  it('offers admins the agents, audit and parked-events screens', async () => {
    renderConsole();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Dashboard',
      'Conversations',
      'Agents',
      'Office hours',
      'Canned replies',
      'Labels',
      'Privacy',
      'Reports',
      'Audit log',
      'Parked events',
    ]);
  });

  it('does not offer agents those screens, even at their address', async () => {
    const view = renderConsole({ user: AGENT, path: '/agents' });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Dashboard', 'Conversations', 'Office hours', 'Reports']);
    expect(screen.getByText(/nothing here for you/)).toBeTruthy();
    expect(view.api.listUsers).not.toHaveBeenCalled();
  });
});

describe('the dashboard', () => {
  it('shows the figures and a banner while students wait, which goes when none do', async () => {
    let waiting = 2;
    const view = renderConsole({ api: fakeApi({ stats: vi.fn(() => Promise.resolve(stats(waiting))) }) });
    expect(await screen.findByText('2 students are waiting for support.')).toBeTruthy();
    const dashboard = screen.getByRole('region', { name: 'Dashboard' });
    const figures = within(dashboard)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(figures).toEqual(['2students waiting', '1chats in progress', '4chats today', '2 minmedian first response']);
    expect(screen.getByRole('link', { name: 'Show waiting chats' }).getAttribute('href')).toBe('/conversations?filter=waiting');
    waiting = 0;
    view.emit('conversation.updated', { phone_number: '447700900001', conversation: { ...waitingChat(), support_status: 'active' } });
    await waitFor(() => expect(screen.queryByText(/waiting for support/)).toBeNull());
  });

  it("counts today's billable messages per category", async () => {
    renderConsole({ api: fakeApi({ stats: vi.fn(() => Promise.resolve({ ...stats(0), billable_today: { utility: 3, marketing: 1 } })) }) });
    const billable = await screen.findByRole('region', { name: 'Billable messages today (UTC)' });
    const counts = [...billable.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(counts).toEqual(['marketing: 1', 'utility: 3']);
  });
});
