import type { ConsoleApi } from '../api/console-api';
import type { EventSourceLike } from '../live/event-stream';
import { SessionProvider, useSession } from '../session/session';
import { LoginPage } from './login-page';
import { RouterProvider } from './router';
import { Shell } from './shell';

interface Seams {
  /** Tests replace the HTTP client and EventSource; the app uses the real ones. */
  api?: (options: { token(): string | null; onUnauthorized(): void }) => ConsoleApi;
  openEventSource?: (url: string) => EventSourceLike;
}

function Gate({ openEventSource }: Pick<Seams, 'openEventSource'>) {
  const { user } = useSession();
  // Signed out or expired: the login screen takes the place of the app at the same address, so signing in
  // again returns to the same conversation, where its draft is still in localStorage.
  return user ? <Shell key={user.id} openEventSource={openEventSource} /> : <LoginPage />;
}

export function App({ api, openEventSource }: Seams) {
  return (
    <RouterProvider>
      <SessionProvider api={api}>
        <Gate openEventSource={openEventSource} />
      </SessionProvider>
    </RouterProvider>
  );
}
