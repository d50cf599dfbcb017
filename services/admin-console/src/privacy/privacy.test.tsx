// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleApi } from '../api/console-api';
import { waitingChat } from '../testing/builders';
import { AGENT, fakeApi } from '../testing/fake-api';
import { retentionOff } from '../testing/fake-privacy';
import { renderConsole } from '../testing/render-console';
import type { ConsentStatus } from './types';

const PHONE = '447700900001';
const PENDING: ConsentStatus = { age_band: '13_15', status: 'pending', consent: null };
const GIVEN: ConsentStatus = {
  age_band: '13_15',
  status: 'given',
  consent: {
    guardian_name: 'Grace Hopper',
    relationship: 'parent',
    contact: 'grace@example.com',
    method: 'staff',
    evidence: 'signed form',
    given_at: '2026-12-01T12:00:00.000Z',
    recorded_by: 'head',
  },
};

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const thread = (overrides: Partial<ConsoleApi>, user = undefined as typeof AGENT | undefined) => {
  const chat = waitingChat({ phone_number: PHONE });
  renderConsole({
    path: `/conversations/${PHONE}`,
    ...(user ? { user } : {}),
    api: fakeApi({ markRead: vi.fn(() => Promise.resolve({ conversation: chat })), ...overrides }),
  });
  return screen.findByRole('heading', { name: 'Ada Lovelace', level: 2 }).then((h) => h.closest('header')!);
};

describe('consent on the thread', () => {
  it('shows the status, and lets an admin record consent given offline', async () => {
    const recordConsent = vi.fn(() => Promise.resolve(GIVEN));
    const header = await thread({ consent: vi.fn(() => Promise.resolve(PENDING)), recordConsent });
    expect((await within(header).findByTestId('consent-status')).textContent).toBe('Consent pending · 13 to 15');

    await userEvent.click(within(header).getByRole('button', { name: 'Consent details' }));
    await userEvent.click(within(header).getByRole('button', { name: 'Record consent given offline' }));
    const form = within(header).getByRole('form', { name: 'Record consent given offline' });
    await userEvent.type(within(form).getByLabelText('Parent or guardian'), 'Grace Hopper');
    await userEvent.type(within(form).getByLabelText('Phone or email'), 'grace@example.com');
    await userEvent.type(within(form).getByLabelText(/^Evidence/), 'signed form');
    await userEvent.click(within(form).getByRole('button', { name: 'Record consent' }));

    expect(recordConsent).toHaveBeenCalledWith(PHONE, {
      guardian_name: 'Grace Hopper',
      relationship: 'parent',
      contact: 'grace@example.com',
      evidence: 'signed form',
      age_band: '13_15',
    });
    await waitFor(() => expect(within(header).getByTestId('consent-status').textContent).toBe('Consent given · 13 to 15'));
    expect(within(header).getByText('Recorded by head: signed form')).toBeTruthy();
    expect(within(header).queryByRole('form', { name: 'Record consent given offline' })).toBeNull();
  });

  it('shows an agent the record, with nothing to record', async () => {
    const header = await thread({ consent: vi.fn(() => Promise.resolve(GIVEN)) }, AGENT);
    await userEvent.click(await within(header).findByRole('button', { name: 'Consent details' }));
    expect(within(header).getByText('Grace Hopper (Parent)')).toBeTruthy();
    expect(within(header).queryByRole('button', { name: 'Record consent given offline' })).toBeNull();
  });
});

describe('the privacy screen', () => {
  it('saves the consent rules; without the age question no group can need consent', async () => {
    const setConsentSettings = vi.fn((settings: { ask_age_band: boolean; guardian_consent_bands: string[] }) =>
      Promise.resolve(settings as never),
    );
    renderConsole({ path: '/privacy', api: fakeApi({ setConsentSettings }) });
    const form = await screen.findByRole('form', { name: 'Consent rules' });
    await userEvent.click(within(form).getByRole('checkbox', { name: /Ask the student's age group/ }));
    await userEvent.click(within(form).getByRole('checkbox', { name: '13 to 15' }));
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Under 13' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save consent rules' }));
    expect(setConsentSettings).toHaveBeenLastCalledWith({ ask_age_band: true, guardian_consent_bands: ['under_13', '13_15'] });
    await within(form).findByText('Saved.');

    await userEvent.click(within(form).getByRole('checkbox', { name: /Ask the student's age group/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save consent rules' }));
    expect(setConsentSettings).toHaveBeenLastCalledWith({ ask_age_band: false, guardian_consent_bands: [] });
  });

  it('turns retention on and shows what it will delete next', async () => {
    const setRetention = vi.fn(() =>
      Promise.resolve({
        ...retentionOff,
        settings: { enabled: true, days: 30 },
        cutoff: '2026-11-07T12:00:00.000Z',
        due: { conversations: 12, messages: 340, media: 1 },
        oldest_due_activity_at: '2025-01-01T12:00:00.000Z',
        next_run_at: '2026-12-07T12:10:00.000Z',
      }),
    );
    renderConsole({ path: '/privacy', api: fakeApi({ setRetention }) });
    const preview = await screen.findByRole('region', { name: 'What retention will delete next' });
    expect(within(preview).getByText('Retention is off: nothing is deleted.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Retention settings' });
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Delete conversation histories automatically' }));
    const days = within(form).getByLabelText("Days after a conversation's last activity");
    await userEvent.clear(days);
    await userEvent.type(days, '30');
    await userEvent.click(within(form).getByRole('button', { name: 'Save retention' }));
    expect(setRetention).toHaveBeenCalledWith({ enabled: true, days: 30 });
    expect((await within(preview).findByTestId('due-conversations')).textContent).toBe('12 conversations');
    expect(within(preview).getByTestId('due-messages').textContent).toBe('340 messages');
    expect(within(preview).getByTestId('due-media').textContent).toBe('1 file');
  });
});
