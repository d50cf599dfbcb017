import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createConsoleApi, type ConsoleApi } from '../api/console-api';
import type { CurrentUser } from '../api/types';
import { clearDrafts } from '../conversations/drafts';
import { clearSession, loadSession, saveSession, saveUser, type Session } from './session-store';

export interface SessionState {
  user: CurrentUser | null;
  /** The last session ended by itself (token expired or refused), not by signing out. */
  expired: boolean;
  api: ConsoleApi;
  signIn(email: string, password: string): Promise<void>;
  signOut(): void;
  /** The signed-in user as admin-api answered a change to it: the top bar shows it at once and after a reload. */
  replaceUser(user: CurrentUser): void;
}

function tokenHolder(initial: string | null) {
  let token = initial;
  return { get: () => token, set: (next: string | null) => void (token = next) };
}

const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user as a definite value, for screens only rendered while signed in. */
export function useUser(): CurrentUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser while signed out');
  return user;
}

interface Props {
  children: ReactNode;
  /** Tests pass a fake; the app builds the real client around the session's token. */
  api?: (options: { token(): string | null; onUnauthorized(): void }) => ConsoleApi;
}

export function SessionProvider({ children, api: makeApi = createConsoleApi }: Props) {
  const [session, setSession] = useState<Session | null>(() => loadSession(sessionStorage, Date.now()));
  const [expired, setExpired] = useState(false);
  // Read by the API client at each call; changed only where the session changes, never during a render.
  const [tokens] = useState(() => tokenHolder(session?.token ?? null));

  const expire = useCallback(() => {
    if (tokens.get() === null) return;
    tokens.set(null);
    clearSession(sessionStorage);
    setExpired(true);
    setSession(null);
  }, [tokens]);

  const api = useMemo(() => makeApi({ token: tokens.get, onUnauthorized: expire }), [makeApi, tokens, expire]);

  // The token's own end: back to the login screen at that moment, not at the next refused click.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(expire, Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, expire]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const login = await api.login(email, password);
      const next = saveSession(sessionStorage, login);
      tokens.set(next.token);
      setExpired(false);
      setSession(next);
    },
    [api, tokens],
  );

  const signOut = useCallback(() => {
    // Signed out means offline for assignment at once (no chat is offered to a closed console). The call
    // reads the token as it starts, before it is cleared below; its answer does not matter.
    if (session && tokens.get() === session.token && session.expiresAt > Date.now())
      void api.setAvailability('offline').catch(() => undefined);
    // Signing out on a shared school computer leaves nothing behind; an expired session keeps its drafts.
    if (session) clearDrafts(localStorage, session.user.id);
    tokens.set(null);
    clearSession(sessionStorage);
    setExpired(false);
    setSession(null);
  }, [session, tokens, api]);

  const replaceUser = useCallback(
    (user: CurrentUser) => {
      // An answer that arrives after signing out (or in as someone else) must not bring that session back.
      if (!session || tokens.get() !== session.token || session.user.id !== user.id) return;
      setSession(saveUser(sessionStorage, session, user));
    },
    [session, tokens],
  );

  const value = useMemo<SessionState>(
    () => ({ user: session?.user ?? null, expired, api, signIn, signOut, replaceUser }),
    [session, expired, api, signIn, signOut, replaceUser],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
