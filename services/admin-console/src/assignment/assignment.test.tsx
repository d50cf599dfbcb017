// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser, ManagedUser } from '../api/types';
import { waitingChat } from '../testing/builders';
import { ADMIN, AGENT, fakeApi } from '../testing/fake-api';
import { agentOf } from '../testing/fake-assignment';
import { renderConsole } from '../testing/render-console';

const PHONE = '447700900001';
const BEN = agentOf({ id: '00000000-0000-4000-8000-00000000000b', name: 'Ben', active_chats: 1 });
const GONE = agentOf({ id: '00000000-0000-4000-8000-00000000000c', name: 'Gone', availability: 'offline' });

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const openThread = (chat: ReturnType<typeof waitingChat>, overrides: Parameters<typeof fakeApi>[0] = {}, user: CurrentUser = ADMIN) =>
  renderConsole({
    path: `/conversations/${PHONE}`,
    user,
    api: fakeApi({
      markRead: vi.fn(() => Promise.resolve({ conversation: chat })),
      agents: vi.fn(() => Promise.resolve({ items: [BEN, GONE] })),
      ...overrides,
    }),
  });

describe('assigning from a thread', () => {
  it('lets an admin give a waiting chat to an available agent, never offering an offline one', async () => {
    const assignChat = vi.fn((student: string, agentId: string) =>
      Promise.resolve({
        conversation: waitingChat({ phone_number: student, support_status: 'active', assigned_to: { id: agentId, name: 'Ben' } }),
      }),
    );
    openThread(waitingChat({ phone_number: PHONE }), { assignChat });
    await userEvent.click(await screen.findByRole('button', { name: 'Assign…' }));
    const select = await screen.findByRole('combobox', { name: 'Assign the chat to' });
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Assign to…', 'Ben (available, 1/3)']),
    );
    await userEvent.selectOptions(select, BEN.id);
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(assignChat).toHaveBeenCalledWith(PHONE, BEN.id);
    expect(await screen.findByRole('button', { name: 'Transfer…' })).toBeTruthy();
  });

  it('lets an agent hand their own chat back, and offers them no assigning', async () => {
    const mine = waitingChat({ phone_number: PHONE, support_status: 'active', assigned_to: { id: AGENT.id, name: 'agent' } });
    const handBackChat = vi.fn(() => Promise.resolve({ conversation: waitingChat({ phone_number: PHONE }) }));
    openThread(mine, { handBackChat }, AGENT);
    await userEvent.click(await screen.findByRole('button', { name: 'Hand back' }));
    expect(handBackChat).toHaveBeenCalledWith(PHONE);
    expect(screen.queryByRole('button', { name: /^(Assign|Transfer)…$/ })).toBeNull();
  });

  it("offers an agent no hand back of a colleague's chat", async () => {
    openThread(waitingChat({ phone_number: PHONE, support_status: 'active', assigned_to: { id: BEN.id, name: 'Ben' } }), {}, AGENT);
    await screen.findByRole('button', { name: 'End chat' });
    expect(screen.queryByRole('button', { name: 'Hand back' })).toBeNull();
  });
});

describe('the reassigned notice', () => {
  it('tells an agent a chat of theirs was reassigned for want of an answer, until dismissed', async () => {
    const view = renderConsole({ path: '/', user: AGENT });
    await waitFor(() => expect(view.sources).toHaveLength(1));
    const change = {
      id: '33333333-3333-4333-8333-333333333333',
      chat_id: '44444444-4444-4444-8444-444444444444',
      student: PHONE,
      at: new Date().toISOString(),
    };
    view.emit('assignment.changed', {
      phone_number: PHONE,
      user_id: null,
      assignment: { ...change, from: { id: AGENT.id, name: 'agent' }, to: { id: BEN.id, name: 'Ben' }, reason: 'unanswered', by: null },
    });
    const notice = await screen.findByText(/was reassigned to Ben: the student waited too long/);
    expect(notice.closest('p')?.textContent).toContain(PHONE);
    // Someone else's chat says nothing.
    view.emit('assignment.changed', {
      phone_number: PHONE,
      user_id: null,
      assignment: {
        ...change,
        id: '55555555-5555-4555-8555-555555555555',
        from: { id: BEN.id, name: 'Ben' },
        to: null,
        reason: 'unanswered',
        by: null,
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/was reassigned/)).toBeNull();
  });
});

describe('the availability switch in the top bar', () => {
  it('shows offline until the console is seen, and sets available when chosen', async () => {
    const setAvailability = vi.fn(() => Promise.resolve({ agent: agentOf({ id: AGENT.id }) }));
    renderConsole({ path: '/', user: AGENT, api: fakeApi({ setAvailability }) });
    const group = await screen.findByRole('group', { name: /Your availability/ });
    expect(group.textContent).toContain('Offline');
    // jsdom applies no CSS: the wide pair and the phone's single dot are both there; the pair comes first.
    const [available] = within(group).getAllByRole('button', { name: 'Available' });
    expect(available!.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(available!);
    expect(setAvailability).toHaveBeenCalledWith('available');
    await waitFor(() => expect(available!.getAttribute('aria-pressed')).toBe('true'));
    expect(within(group).getByRole('button', { name: 'Away' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('goes offline when signing out', async () => {
    const setAvailability = vi.fn(() =>
      Promise.resolve({ agent: agentOf({ id: AGENT.id, availability: 'offline', chosen_availability: 'offline' }) }),
    );
    renderConsole({ path: '/', user: AGENT, api: fakeApi({ setAvailability }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(setAvailability).toHaveBeenCalledWith('offline');
  });
});

describe('assignment on the Agents screen', () => {
  const agentUser: ManagedUser = { id: BEN.id, email: 'ben@school.test', role: 'agent', display_name: 'Ben', disabled: false };
  it("sets an agent's capacity and turns auto-reassign on", async () => {
    const setCapacity = vi.fn((id: string, capacity: number) => Promise.resolve({ agent: { ...BEN, id, capacity } }));
    const setAssignmentSettings = vi.fn((settings: { auto_reassign_after_seconds: number }) => Promise.resolve(settings));
    renderConsole({
      path: '/agents',
      api: fakeApi({
        listUsers: vi.fn(() => Promise.resolve({ items: [{ ...ADMIN, disabled: false }, agentUser] })),
        agents: vi.fn(() => Promise.resolve({ items: [BEN] })),
        setCapacity,
        setAssignmentSettings,
      }),
    });
    const panel = (await screen.findByRole('heading', { name: 'Chat assignment' })).closest('section')!;
    const capacity = await within(panel).findByLabelText('Capacity of Ben');
    await waitFor(() => expect((capacity as HTMLInputElement).value).toBe('3'));
    await userEvent.clear(capacity);
    await userEvent.type(capacity, '5');
    await userEvent.click(within(capacity.closest('form')!).getByRole('button', { name: 'Save' }));
    expect(setCapacity).toHaveBeenCalledWith(BEN.id, 5);

    const form = within(panel).getByRole('form', { name: 'Auto-reassign' });
    await waitFor(() => expect((within(form).getByRole('checkbox') as HTMLInputElement).disabled).toBe(false));
    await userEvent.click(within(form).getByRole('checkbox'));
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(setAssignmentSettings).toHaveBeenCalledWith({ auto_reassign_after_seconds: 300 });
  });
});
