import type { CurrentUser, LoginResult } from '../api/types';

export interface Session {
  token: string;
  expiresAt: number;
  user: CurrentUser;
}

const KEY = 'admin-console.session';

/*
 * The token lives in sessionStorage: it survives a reload but not the tab, and other tabs sign in on their
 * own. What the admin types (drafts.ts) lives in localStorage, so it outlives an expired session.
 */
export function loadSession(storage: Storage, now: number): Session | null {
  const raw = storage.getItem(KEY);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!isSession(value) || value.expiresAt <= now) {
      storage.removeItem(KEY);
      return null;
    }
    return value;
  } catch {
    storage.removeItem(KEY);
    return null;
  }
}

export function saveSession(storage: Storage, login: LoginResult): Session {
  const session: Session = { token: login.token, expiresAt: Date.parse(login.expires_at), user: login.user };
  storage.setItem(KEY, JSON.stringify(session));
  return session;
}

/** The same session with the user as admin-api last answered it (a new display name), kept for a reload. */
export function saveUser(storage: Storage, session: Session, user: CurrentUser): Session {
  const next: Session = { ...session, user: { id: user.id, email: user.email, role: user.role, display_name: user.display_name } };
  storage.setItem(KEY, JSON.stringify(next));
  return next;
}

export function clearSession(storage: Storage): void {
  storage.removeItem(KEY);
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const user = v.user as Record<string, unknown> | null | undefined;
  return (
    typeof v.token === 'string' &&
    typeof v.expiresAt === 'number' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string' &&
    typeof user.email === 'string' &&
    (user.role === 'admin' || user.role === 'agent')
  );
}
