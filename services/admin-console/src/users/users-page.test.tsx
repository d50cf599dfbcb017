// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { ManagedUser } from '../api/types';
import { ADMIN, fakeApi } from '../testing/fake-api';
import { renderConsole } from '../testing/render-console';

afterEach(cleanup);

const agent: ManagedUser = { id: '00000000-0000-4000-8000-00000000000a', email: 'agent@school.test', role: 'agent', disabled: false };
const me: ManagedUser = { ...ADMIN, disabled: false };

const rowOf = async (email: string) => (await screen.findByRole('cell', { name: new RegExp(`^${email}`) })).closest('tr')!;

function openUsers(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return renderConsole({ path: '/agents', api: fakeApi({ listUsers: vi.fn(() => Promise.resolve({ items: [me, agent] })), ...overrides }) });
}

describe('managing agents', () => {
  it('creates an agent account', async () => {
    const created: ManagedUser = { id: '00000000-0000-4000-8000-00000000000b', email: 'new@school.test', role: 'agent', disabled: false };
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
    await userEvent.click(within(row).getByRole('button', { name: 'Reset password of agent@school.test' }));
    await userEvent.type(within(row).getByLabelText('New password for agent@school.test'), 'new-password-1');
    await userEvent.click(within(row).getByRole('button', { name: 'Save' }));
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
      Promise.resolve(cursor ? { items: [entry(1, 'chat.claimed')], next_cursor: null } : { items: [entry(2, 'chat.message_sent')], next_cursor: '2' }),
    );
    renderConsole({ path: '/audit', api: fakeApi({ listAudit }) });
    expect(await screen.findByText('chat.message_sent')).toBeTruthy();
    expect(screen.getByText('{"message":"<b>hi</b>"}')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Load older entries' }));
    expect(await screen.findByText('chat.claimed')).toBeTruthy();
    expect(listAudit).toHaveBeenLastCalledWith('2');
  });
});
