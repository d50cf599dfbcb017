// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { CurrentUser } from '../api/types';
import { AGENT, fakeApi } from '../testing/fake-api';
import { FakeEventSource, renderConsole } from '../testing/render-console';
import { App } from './app';

afterEach(cleanup);

const NAMED_AGENT: CurrentUser = { ...AGENT, display_name: 'Mr Dube' };
const answering = () => vi.fn((displayName: string | null) => Promise.resolve({ user: { ...AGENT, display_name: displayName } }));
const storedUser = () => (JSON.parse(sessionStorage.getItem('admin-console.session') ?? 'null') as { user: CurrentUser } | null)?.user;

async function saveName(current: string, text: string) {
  await userEvent.click(await screen.findByRole('button', { name: `Your name: ${current}` }));
  const field = screen.getByLabelText('Your name (students see it)');
  await userEvent.clear(field);
  if (text) await userEvent.type(field, text);
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
}

describe('the name in the top bar', () => {
  it('shows the email of a user without a display name', async () => {
    renderConsole({ user: AGENT });
    const button = await screen.findByRole('button', { name: 'Your name: agent@school.test' });
    expect(button.textContent).toContain('agent@school.test');
    expect(button.title).toBe('Signed in as agent@school.test');
  });

  it('shows the display name when there is one, and the email as its tooltip', async () => {
    renderConsole({ user: NAMED_AGENT });
    const button = await screen.findByRole('button', { name: 'Your name: Mr Dube' });
    expect(button.textContent).toContain('Mr Dube');
    expect(button.textContent).not.toContain('agent@school.test');
    expect(button.title).toBe('Signed in as agent@school.test');
  });

  it('lets an agent set their own name, trimmed, shown at once and after a reload', async () => {
    const updateMe = answering();
    const api = fakeApi({ updateMe });
    const view = renderConsole({ user: AGENT, api });
    await saveName('agent@school.test', '  Mr Dube ');
    expect(updateMe).toHaveBeenCalledWith('Mr Dube');
    const button = await screen.findByRole('button', { name: 'Your name: Mr Dube' });
    expect(screen.queryByLabelText('Your name (students see it)')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(within(screen.getByRole('banner')).getByRole('status').textContent).toBe('Name saved.');

    view.unmount();
    render(<App api={() => api} openEventSource={(url) => new FakeEventSource(url)} />);
    expect(await screen.findByRole('button', { name: 'Your name: Mr Dube' })).toBeTruthy();
    expect(storedUser()).toEqual(NAMED_AGENT);
  });

  it('clears the name with null when the field is emptied, showing the email again', async () => {
    const updateMe = answering();
    renderConsole({ user: NAMED_AGENT, api: fakeApi({ updateMe }) });
    await saveName('Mr Dube', '');
    expect(updateMe).toHaveBeenCalledWith(null);
    expect(await screen.findByRole('button', { name: 'Your name: agent@school.test' })).toBeTruthy();
    expect(storedUser()?.display_name).toBeNull();
  });

  it('keeps a refused name in its field and says why', async () => {
    const updateMe = vi.fn(() =>
      Promise.reject(new ApiError(400, 'invalid_request', 'display_name: must not contain line breaks or control characters')),
    );
    renderConsole({ user: AGENT, api: fakeApi({ updateMe }) });
    await saveName('agent@school.test', 'Mr Dube');
    expect((await screen.findByRole('alert')).textContent).toBe('display_name: must not contain line breaks or control characters');
    expect((screen.getByLabelText('Your name (students see it)') as HTMLInputElement).value).toBe('Mr Dube');
    expect(screen.getByRole('button', { name: 'Your name: agent@school.test' })).toBeTruthy();
    expect(storedUser()?.display_name).toBeNull();
  });

  it('closes with Escape without saving, focus back on the name', async () => {
    const updateMe = answering();
    renderConsole({ user: AGENT, api: fakeApi({ updateMe }) });
    const button = await screen.findByRole('button', { name: 'Your name: agent@school.test' });
    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Your name (students see it)'));
    await userEvent.type(screen.getByLabelText('Your name (students see it)'), 'Mr Dube{Escape}');
    expect(screen.queryByLabelText('Your name (students see it)')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
    expect(updateMe).not.toHaveBeenCalled();
  });

  it('does not bring a session back when the answer comes after signing out', async () => {
    let answer: (value: { user: CurrentUser }) => void = () => undefined;
    const updateMe = vi.fn(() => new Promise<{ user: CurrentUser }>((resolve) => (answer = resolve)));
    renderConsole({ user: AGENT, api: fakeApi({ updateMe }) });
    await saveName('agent@school.test', 'Mr Dube');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await act(async () => answer({ user: NAMED_AGENT }));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(sessionStorage.getItem('admin-console.session')).toBeNull();
  });
});
