import { act, render } from '@testing-library/react';
import { App } from '../app/app';
import type { ConsoleApi } from '../api/console-api';
import type { CurrentUser, LiveEventName } from '../api/types';
import type { EventSourceLike } from '../live/event-stream';
import { ADMIN, fakeApi } from './fake-api';

export class FakeEventSource implements EventSourceLike {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: LiveEventName, data: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

/** The whole console, signed in as `user` at `path`, against a fake API and a fake event stream. */
export function renderConsole({
  path = '/',
  user = ADMIN as CurrentUser | null,
  api = fakeApi(),
}: { path?: string; user?: CurrentUser | null; api?: ConsoleApi } = {}) {
  window.history.replaceState(null, '', path);
  sessionStorage.clear();
  if (user) sessionStorage.setItem('admin-console.session', JSON.stringify({ token: 'token-1', expiresAt: Date.now() + 3_600_000, user }));
  const sources: FakeEventSource[] = [];
  let onUnauthorized = () => undefined as void;
  const view = render(
    <App
      api={(options) => {
        onUnauthorized = options.onUnauthorized;
        return api;
      }}
      openEventSource={(url) => {
        const source = new FakeEventSource(url);
        sources.push(source);
        return source;
      }}
    />,
  );
  return {
    ...view,
    api,
    sources,
    /** Sends a live event on the open stream. */
    emit: (name: LiveEventName, data: Record<string, unknown>) =>
      act(() => {
        const source = sources.at(-1);
        if (!source) throw new Error('no event stream open');
        source.emit(name, { occurredAt: new Date().toISOString(), ...data });
      }),
    /** What the API client does on a 401: the session is over. */
    expireSession: () => act(() => onUnauthorized()),
  };
}
