// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { ManagedUser } from '../api/types';
import { ADMIN, fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';

afterEach(cleanup);

const agent: ManagedUser = {
  id: '00000000-0000-4000-8000-00000000000a',
  email: 'agent@school.test',
  role: 'agent',
  display_name: null,
  disabled: false,
};
const me: ManagedUser = { ...ADMIN, disabled: false };

const rowOf = async (email: string) => (await screen.findByRole('cell', { name: new RegExp(`^${email}`) })).closest('tr')!;

/** Opens one of a row's inline forms, types into its field and saves. */
async function saveInRow(row: HTMLElement, open: string, field: string, text: string) {
  await userEvent.click(within(row).getByRole('button', { name: open }));
  await userEvent.type(within(row).getByLabelText(field), text);
  await userEvent.click(within(row).getByRole('button', { name: 'Save' }));
}

function openUsers(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return renderConsole({
    path: '/agents',
    api: fakeApi({ listUsers: vi.fn(() => Promise.resolve({ items: [me, agent] })), ...overrides }),
  });
}

describe('managing agents', () => {
  it('creates an agent account, without a display name unless one is typed', async () => {
    const created: ManagedUser = {
      id: '00000000-0000-4000-8000-00000000000b',
      email: 'new@school.test',
      role: 'agent',
      display_name: null,
      disabled: false,
    };
    const createUser = vi.fn(() => Promise.resolve({ user: created }));
    openUsers({ createUser });
    await rowOf('agent@school.test');
    await userEvent.type(screen.getByLabelText('Email'), 'new@school.test');
    await userEvent.type(screen.getByLabelText(/^Password/), 'long-enough-password');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(createUser).toHaveBeenCalledWith({ email: 'new@school.test', password: 'long-enough-password', role: 'agent' });
    expect(await screen.findByText('Created new@school.test (agent).')).toBeTruthy();
    expect(screen.getAllByRole('row').map((r) => r.textContent)).toContainEqual(expect.stringContaining('new@school.test'));
  });

  it('creates an account with the display name students will see, trimmed', async () => {
    const created: ManagedUser = {
      id: '00000000-0000-4000-8000-00000000000c',
      email: 'smith@school.test',
      role: 'agent',
      display_name: 'Ms Smith',
      disabled: false,
    };
    const createUser = vi.fn(() => Promise.resolve({ user: created }));
    openUsers({ createUser });
    await rowOf('agent@school.test');
    await userEvent.type(screen.getByLabelText('Email'), 'smith@school.test');
    await userEvent.type(screen.getByLabelText(/^Display name/), '  Ms Smith ');
    await userEvent.type(screen.getByLabelText(/^Password/), 'long-enough-password');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(createUser).toHaveBeenCalledWith({
      email: 'smith@school.test',
      password: 'long-enough-password',
      role: 'agent',
      display_name: 'Ms Smith',
    });
    expect(within(await rowOf('smith@school.test')).getByText('Ms Smith')).toBeTruthy();
    expect((screen.getByLabelText(/^Display name/) as HTMLInputElement).value).toBe('');
  });

  it("shows each account's display name, sets one, and clears it when the field is emptied", async () => {
    const updateUser = vi
      .fn()
      .mockResolvedValueOnce({ user: { ...agent, display_name: 'Mr Dube' } })
      .mockResolvedValueOnce({ user: agent });
    openUsers({ updateUser });
    const row = await rowOf('agent@school.test');
    expect(within(row).getByText('Not set')).toBeTruthy();

    await saveInRow(row, 'Edit name of agent@school.test', 'Display name for agent@school.test', ' Mr Dube ');
    expect(updateUser).toHaveBeenLastCalledWith(agent.id, { display_name: 'Mr Dube' });
    expect(await within(row).findByText('Name saved.')).toBeTruthy();
    expect(within(row).getByRole('cell', { name: 'Mr Dube' })).toBeTruthy();

    await userEvent.click(within(row).getByRole('button', { name: 'Edit name of agent@school.test' }));
    const field = within(row).getByLabelText('Display name for agent@school.test');
    expect((field as HTMLInputElement).value).toBe('Mr Dube');
    await userEvent.clear(field);
    await userEvent.click(within(row).getByRole('button', { name: 'Save' }));
    expect(updateUser).toHaveBeenLastCalledWith(agent.id, { display_name: null });
    expect(await within(row).findByText('Name cleared.')).toBeTruthy();
    expect(within(row).getByText('Not set')).toBeTruthy();
  });

  it('renames the top bar too when an admin renames themselves here', async () => {
    const updateUser = vi.fn(() => Promise.resolve({ user: { ...me, display_name: 'Ms Head' } }));
    openUsers({ updateUser });
    await saveInRow(await rowOf(ADMIN.email), `Edit name of ${ADMIN.email}`, `Display name for ${ADMIN.email}`, 'Ms Head');
    expect(await screen.findByRole('button', { name: 'Your name: Ms Head' })).toBeTruthy();
  });

  it('keeps a refused name in its field and says why', async () => {
    const updateUser = vi.fn(() =>
      Promise.reject(new ApiError(400, 'invalid_request', 'display_name: must not contain line breaks or control characters')),
    );
    openUsers({ updateUser });
    const row = await rowOf('agent@school.test');
    await saveInRow(row, 'Edit name of agent@school.test', 'Display name for agent@school.test', 'Ms Smith');
    expect((await within(row).findByRole('alert')).textContent).toBe('display_name: must not contain line breaks or control characters');
    expect((within(row).getByLabelText('Display name for agent@school.test') as HTMLInputElement).value).toBe('Ms Smith');
  });

  it('disables an agent, and never offers admins to disable themselves', async () => {
    const updateUser = vi.fn(() => Promise.resolve({ user: { ...agent, disabled: true } }));
    openUsers({ updateUser });
    const row = await rowOf('agent@school.test');
    await userEvent.click(within(row).getByRole('button', { name: 'Disable agent@school.test' }));
    expect(updateUser).toHaveBeenCalledWith(agent.id, { disabled: true });
    expect(await within(row).findByText('Disabled')).toBeTruthy();
    const mine = await rowOf(ADMIN.email);
    expect(within(mine).getByRole('button', { name: `Disable ${ADMIN.email}` })).toHaveProperty('disabled', true);
  });

  it("resets an agent's password and says why the server refused one", async () => {
    const updateUser = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(400, 'invalid_request', 'password: too short'))
      .mockResolvedValueOnce({ user: agent });
    openUsers({ updateUser });
    const row = await rowOf('agent@school.test');
    await saveInRow(row, 'Reset password of agent@school.test', 'New password for agent@school.test', 'new-password-1');
    expect((await within(row).findByRole('alert')).textContent).toBe('password: too short');
    await userEvent.click(within(row).getByRole('button', { name: 'Save' }));
    expect(await within(row).findByText('Password changed.')).toBeTruthy();
    expect(updateUser).toHaveBeenLastCalledWith(agent.id, { password: 'new-password-1' });
  });
});

describe('the audit log', () => {
  it('lists who did what as text, and pages back with the cursor', async () => {
    const entry = (id: number, action: string) => ({
      id,
      actor_id: ADMIN.id,
      actor_email: ADMIN.email,
      action,
      target: '447700900001',
      details: { message: '<b>hi</b>' },
      ip: '10.0.0.1',
      user_agent: null,
      created_at: '2026-11-20T10:00:00.000Z',
    });
    const listAudit = vi.fn((cursor?: string) =>
      Promise.resolve(
        cursor ? { items: [entry(1, 'chat.claimed')], next_cursor: null } : { items: [entry(2, 'chat.message_sent')], next_cursor: '2' },
      ),
    );
    renderConsole({ path: '/audit', api: fakeApi({ listAudit }) });
    // Within the table: the action filter lists the actions too.
    const table = await screen.findByRole('region', { name: 'Audit entries' });
    expect(await within(table).findByText('chat.message_sent')).toBeTruthy();
    expect(screen.getByText('{"message":"<b>hi</b>"}')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Load older entries' }));
    expect(await within(table).findByText('chat.claimed')).toBeTruthy();
    expect(listAudit).toHaveBeenLastCalledWith('2', undefined);
  });

  it('filters by action, from the first page again', async () => {
    const listAudit = vi.fn(() => Promise.resolve({ items: [], next_cursor: null }));
    renderConsole({ path: '/audit', api: fakeApi({ listAudit }) });
    await userEvent.selectOptions(await screen.findByLabelText('Action'), 'conversation.viewed');
    await waitFor(() => expect(listAudit).toHaveBeenLastCalledWith(undefined, 'conversation.viewed'));
  });
});
