import { useState } from 'react';
import { ConversationsPage } from '../conversations/conversations-page';
import { isStudentKey } from '../conversations/student';
import { AuditPage } from '../audit/audit-page';
import { DashboardPage } from '../dashboard/dashboard-page';
import { notificationsEnabled } from '../dashboard/notifications';
import { StatsProvider } from '../dashboard/stats';
import { useWaitingAlerts } from '../dashboard/use-waiting-alerts';
import { WaitingBanner } from '../dashboard/waiting-banner';
import type { EventSourceLike } from '../live/event-stream';
import { LiveEventsProvider, useLiveStatus } from '../live/live-events';
import { ParkedEventsPage } from '../parked/parked-events-page';
import { useParkedCount } from '../parked/use-parked-count';
import { useSession, useUser } from '../session/session';
import { UsersPage } from '../users/users-page';
import { AccountName } from './account-name';
import { CapabilitiesProvider } from './capabilities';
import { Link, useRouter } from './router';

type Screen = { name: 'dashboard' } | { name: 'conversations'; student: string | null } | { name: 'users' } | { name: 'audit' } | { name: 'parked' } | { name: 'missing' };

export function screenOf(path: string): Screen {
  if (path === '/' || path === '/dashboard') return { name: 'dashboard' };
  const conversation = /^\/conversations(?:\/([^/]+))?\/?$/.exec(path);
  // `{student}`: phone digits or a business-scoped user id (the key of conversations/student.ts).
  if (conversation && (conversation[1] === undefined || isStudentKey(conversation[1]))) return { name: 'conversations', student: conversation[1] ?? null };
  if (path === '/agents') return { name: 'users' };
  if (path === '/audit') return { name: 'audit' };
  if (path === '/parked-events') return { name: 'parked' };
  return { name: 'missing' };
}

const ADMIN_SCREENS: readonly Screen['name'][] = ['users', 'audit', 'parked'];

const LIVE_LABEL = { open: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…' } as const;

function Nav({ screen }: { screen: Screen['name'] }) {
  const user = useUser();
  const { signOut } = useSession();
  const { status } = useLiveStatus();
  const parked = useParkedCount(user.role === 'admin', screen);
  const item = (name: Screen['name'], to: string, label: string, badge?: string | null) => (
    <li>
      <Link to={to} aria-current={screen === name ? 'page' : undefined}>
        {label}
        {badge && <span className="nav-count"> ({badge})</span>}
      </Link>
    </li>
  );
  return (
    <header className="topbar">
      <nav aria-label="Main">
        <ul className="nav">
          {item('dashboard', '/', 'Dashboard')}
          {item('conversations', '/conversations', 'Conversations')}
          {user.role === 'admin' && item('users', '/agents', 'Agents')}
          {user.role === 'admin' && item('audit', '/audit', 'Audit log')}
          {user.role === 'admin' && item('parked', '/parked-events', 'Parked events', parked)}
        </ul>
      </nav>
      <div className="account">
        <span className={`live live-${status}`} title={LIVE_LABEL[status]}>
          <span className="live-text">{LIVE_LABEL[status]}</span>
          <span className="visually-hidden">Live updates: {LIVE_LABEL[status]}</span>
        </span>
        <AccountName />
        <button type="button" className="button" onClick={signOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}

function Screens() {
  const { path } = useRouter();
  const user = useUser();
  const [alerts, setAlerts] = useState(() => notificationsEnabled(localStorage));
  useWaitingAlerts(alerts);
  const screen = screenOf(path);
  // Agents are not offered the admin screens; admin-api refuses them the data anyway (403).
  const allowed = user.role === 'admin' || !ADMIN_SCREENS.includes(screen.name);
  return (
    <div className={`shell shell-${screen.name}`}>
      <Nav screen={screen.name} />
      <WaitingBanner />
      <main className="content" id="content">
        {!allowed || screen.name === 'missing' ? (
          <p>
            There is nothing here for you. <Link to="/">Back to the dashboard</Link>
          </p>
        ) : screen.name === 'dashboard' ? (
          <DashboardPage alerts={alerts} onAlerts={setAlerts} />
        ) : screen.name === 'conversations' ? (
          <ConversationsPage student={screen.student} />
        ) : screen.name === 'users' ? (
          <UsersPage />
        ) : screen.name === 'parked' ? (
          <ParkedEventsPage />
        ) : (
          <AuditPage />
        )}
      </main>
    </div>
  );
}

/** Everything a signed-in admin sees; its providers live exactly as long as the session. */
export function Shell({ openEventSource }: { openEventSource?: (url: string) => EventSourceLike }) {
  return (
    <LiveEventsProvider openSource={openEventSource}>
      <CapabilitiesProvider>
        <StatsProvider>
          <Screens />
        </StatsProvider>
      </CapabilitiesProvider>
    </LiveEventsProvider>
  );
}
