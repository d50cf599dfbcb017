// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { Stats } from '../api/types';
import { waitingChat } from '../testing/builders';
import { AGENT, fakeApi } from '../testing/fake-api';
import { officeHoursOff } from '../testing/fake-office-hours';
import { renderConsole } from '../testing/render-console';
import type { OfficeHours } from './types';

afterEach(cleanup);

const CLOSURE = {
  id: '00000000-0000-4000-8000-0000000000c1',
  start_date: '2026-12-24',
  end_date: '2026-12-26',
  reason: 'Christmas',
  created_at: '2026-12-01T10:00:00.000Z',
  created_by: 'head',
};
const lagos = (over: Partial<OfficeHours> = {}): OfficeHours => ({
  ...officeHoursOff,
  enabled: true,
  time_zone: 'Africa/Lagos',
  weekly: { ...officeHoursOff.weekly, monday: [{ start: '08:00', end: '12:00' }] },
  closures: [CLOSURE],
  open_now: false,
  next_change_at: '2026-12-14T07:00:00.000Z',
  next_change_label: 'Monday 8:00 (WAT)',
  ...over,
});

describe('office hours screen', () => {
  it('lets an admin add a lunch-break period and save the whole week', async () => {
    const setOfficeHours = vi.fn(() => Promise.resolve(lagos({ open_now: true, next_change_label: 'today 12:00 (WAT)' })));
    renderConsole({ path: '/office-hours', api: fakeApi({ officeHours: vi.fn(() => Promise.resolve(lagos())), setOfficeHours }) });
    expect(await screen.findByText('Closed now, back Monday 8:00 (WAT)')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Add period on Monday' }));
    const opens = screen.getByLabelText('Monday period 2 opens');
    const closes = screen.getByLabelText('Monday period 2 closes');
    // A time input takes its value whole (typing into one is the browser test's part).
    fireEvent.change(opens, { target: { value: '13:00' } });
    fireEvent.change(closes, { target: { value: '16:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save schedule' }));

    await waitFor(() => expect(setOfficeHours).toHaveBeenCalled());
    expect(setOfficeHours).toHaveBeenCalledWith({
      enabled: true,
      time_zone: 'Africa/Lagos',
      weekly: {
        ...officeHoursOff.weekly,
        monday: [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '16:00' },
        ],
      },
    });
    expect(await screen.findByText('Schedule saved.')).toBeTruthy();
    expect(screen.getByText('Open now, closes today 12:00 (WAT)')).toBeTruthy();
  });

  it('shows a period ending at midnight as 00:00 and saves it as 24:00', async () => {
    const night = lagos({
      weekly: { ...officeHoursOff.weekly, friday: [{ start: '22:00', end: '24:00' }], saturday: [{ start: '00:00', end: '02:00' }] },
    });
    const setOfficeHours = vi.fn(() => Promise.resolve(night));
    renderConsole({ path: '/office-hours', api: fakeApi({ officeHours: vi.fn(() => Promise.resolve(night)), setOfficeHours }) });
    expect((await screen.findByLabelText<HTMLInputElement>('Friday period 1 closes')).value).toBe('00:00');
    fireEvent.change(screen.getByLabelText('Friday period 1 opens'), { target: { value: '21:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save schedule' }));
    await waitFor(() => expect(setOfficeHours).toHaveBeenCalled());
    expect(setOfficeHours).toHaveBeenCalledWith(
      expect.objectContaining({
        weekly: expect.objectContaining({ friday: [{ start: '21:00', end: '24:00' }], saturday: [{ start: '00:00', end: '02:00' }] }),
      }),
    );
  });

  it("shows admin-api's refusal of a schedule", async () => {
    const setOfficeHours = vi.fn(() =>
      Promise.reject(new ApiError(400, 'invalid_request', 'body.weekly.monday: periods overlap (08:00-12:00 and 11:00-13:00)')),
    );
    renderConsole({ path: '/office-hours', api: fakeApi({ officeHours: vi.fn(() => Promise.resolve(lagos())), setOfficeHours }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Save schedule' }));
    expect((await screen.findByRole('alert')).textContent).toContain('periods overlap');
  });

  it('gives an agent the week and the closures to read, without anything to change', async () => {
    renderConsole({ path: '/office-hours', user: AGENT, api: fakeApi({ officeHours: vi.fn(() => Promise.resolve(lagos())) }) });
    const week = await screen.findByRole('table', { name: 'Weekly office hours' });
    expect(within(week).getByRole('row', { name: /Monday/ }).textContent).toContain('08:00–12:00');
    expect(within(week).getByRole('row', { name: /Tuesday/ }).textContent).toContain('Closed');
    expect(screen.getByText('2026-12-24 to 2026-12-26')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save schedule' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Add a closure' })).toBeNull();
    expect(screen.getByRole('link', { name: /^Office hours/ }).getAttribute('aria-current')).toBe('page');
  });

  it('adds and removes closures for an admin, reading the schedule again after each', async () => {
    const officeHours = vi.fn(() => Promise.resolve(lagos()));
    const addClosure = vi.fn(() => Promise.resolve({ closure: CLOSURE }));
    const removeClosure = vi.fn(() => Promise.resolve({ closure: CLOSURE }));
    renderConsole({ path: '/office-hours', api: fakeApi({ officeHours, addClosure, removeClosure }) });
    const form = await screen.findByRole('form', { name: 'Add a closure' });
    await userEvent.type(within(form).getByLabelText('From'), '2027-01-01');
    await userEvent.type(within(form).getByLabelText('Reason'), "New Year's Day");
    await userEvent.click(within(form).getByRole('button', { name: 'Add closure' }));
    await waitFor(() => expect(addClosure).toHaveBeenCalledWith({ start_date: '2027-01-01', reason: "New Year's Day" }));
    await waitFor(() => expect(officeHours).toHaveBeenCalledTimes(2));

    await userEvent.click(screen.getByRole('button', { name: 'Remove closure Christmas' }));
    await waitFor(() => expect(removeClosure).toHaveBeenCalledWith(CLOSURE.id));
    await waitFor(() => expect(officeHours).toHaveBeenCalledTimes(3));
  });
});

describe('dashboard office-hours panel', () => {
  it('says the team is closed and lists the open chats that arrived while closed, each linking to its conversation', async () => {
    const stats: Stats = {
      waiting_chats: 1,
      active_chats: 0,
      oldest_waiting_since: null,
      chats_today: 1,
      median_first_response_seconds: null,
      arrived_while_closed_today: 1,
      open_arrived_while_closed: 1,
      office_hours: { enabled: true, open_now: false, next_change_at: '2026-12-14T07:00:00.000Z', next_change_label: 'Monday 8:00 (WAT)' },
    };
    const night = waitingChat({ phone_number: '447700900777', student_name: 'Night Owl' });
    renderConsole({
      path: '/',
      api: fakeApi({
        stats: vi.fn(() => Promise.resolve(stats)),
        arrivedWhileClosed: vi.fn(() => Promise.resolve({ items: [night], next_cursor: null })),
      }),
    });
    const panel = await screen.findByRole('region', { name: 'Office hours' });
    expect(within(panel).getByText('Closed now, back Monday 8:00 (WAT)')).toBeTruthy();
    const link = await within(panel).findByRole('link', { name: 'Night Owl' });
    expect(link.getAttribute('href')).toBe('/conversations/447700900777');
  });

  it('turns over when an admin changes office hours elsewhere (office_hours.updated)', async () => {
    const stats: Stats = {
      waiting_chats: 0,
      active_chats: 0,
      oldest_waiting_since: null,
      chats_today: 0,
      median_first_response_seconds: null,
      office_hours: { enabled: false, open_now: true, next_change_at: null, next_change_label: null },
    };
    const { emit } = renderConsole({ path: '/', api: fakeApi({ stats: vi.fn(() => Promise.resolve(stats)) }) });
    const panel = await screen.findByRole('region', { name: 'Office hours' });
    await within(panel).findByText(/^Office hours are off/);
    emit('office_hours.updated', {
      phone_number: null,
      user_id: null,
      office_hours: { enabled: true, open_now: false, next_change_at: '2026-12-14T07:00:00.000Z', next_change_label: 'Monday 8:00 (WAT)' },
    });
    expect(await within(panel).findByText('Closed now, back Monday 8:00 (WAT)')).toBeTruthy();
  });

  it('shows nothing for an admin-api without office hours', async () => {
    renderConsole({ path: '/' });
    await screen.findByRole('heading', { name: 'Dashboard' });
    expect(screen.queryByRole('region', { name: 'Office hours' })).toBeNull();
  });
});
