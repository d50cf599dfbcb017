import { useState, type KeyboardEvent } from 'react';
import { notificationsEnabled } from '../dashboard/notifications';
import { StatsProvider } from '../dashboard/stats';
import { useWaitingAlerts } from '../dashboard/use-waiting-alerts';
import { WaitingBanner } from '../dashboard/waiting-banner';
import type { EventSourceLike } from '../live/event-stream';
import { LiveEventsProvider, useLiveStatus } from '../live/live-events';
import { useSession, useUser } from '../session/session';
import { AccountName } from './account-name';
import { AvailabilityToggle } from '../assignment/availability-toggle';
import { ReassignedNotice } from '../assignment/reassigned-notice';
import { CapabilitiesProvider } from './capabilities';
import { Link, useRouter } from './router';
import { SCREENS, screenOf, type ScreenEntry } from './screens';

export { screenOf } from './screens';

const LIVE_LABEL = { open: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…' } as const;

const noBadge = () => null;

function NavItem({ screen, current, onFollow }: { screen: ScreenEntry; current: string; onFollow(): void }) {
  const useBadge = screen.useBadge ?? noBadge;
  const badge = useBadge(true, current);
  return (
    <li>
      <Link to={screen.to} aria-current={current === screen.name ? 'page' : undefined} onClick={onFollow}>
        {screen.label}
        {badge && <span className="nav-count"> ({badge})</span>}
      </Link>
    </li>
  );
}

/**
 * The screens a role is offered. Wide screens show them in a row; narrower ones (a phone, a tablet held upright)
 * fold them behind a Menu button, so that every screen stays one tap away however many there are.
 */
function Nav({ screen }: { screen: string }) {
  const user = useUser();
  const { signOut } = useSession();
  const { status } = useLiveStatus();
  // Open on the screen it was opened on: going anywhere else (a link, the back button, the banner) folds it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === screen;
  const setOpen = (next: boolean) => setOpenOn(next ? screen : null);
  const offered = SCREENS.filter((entry) => !entry.adminOnly || user.role === 'admin');
  const current = offered.find((entry) => entry.name === screen);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) setOpen(false);
  };
  return (
    <header className="topbar">
      <nav aria-label="Main" className={open ? 'nav-open' : undefined} onKeyDown={onKeyDown}>
        <button
          type="button"
          className="button nav-toggle"
          aria-expanded={open}
          aria-controls="main-nav-list"
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">☰ </span>
          Menu<span className="nav-toggle-current">{current ? `: ${current.label}` : ''}</span>
        </button>
        <ul className="nav" id="main-nav-list">
          {offered.map((entry) => (
            <NavItem key={entry.name} screen={entry} current={screen} onFollow={() => setOpen(false)} />
          ))}
        </ul>
      </nav>
      <div className="account">
        <span className={`live live-${status}`} title={LIVE_LABEL[status]}>
          <span className="live-text">{LIVE_LABEL[status]}</span>
          <span className="visually-hidden">Live updates: {LIVE_LABEL[status]}</span>
        </span>
        <AvailabilityToggle />
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
  const match = screenOf(path);
  const entry = SCREENS.find((screen) => screen.name === match.name);
  // Agents are not offered the admin screens; admin-api refuses them the data anyway (403).
  const allowed = entry && (user.role === 'admin' || !entry.adminOnly);
  return (
    <div className={`shell shell-${match.name}`}>
      <Nav screen={match.name} />
      <WaitingBanner />
      <ReassignedNotice />
      <main className="content" id="content">
        {allowed ? (
          entry.render({ match, alerts, onAlerts: setAlerts })
        ) : (
          <p>
            There is nothing here for you. <Link to="/">Back to the dashboard</Link>
          </p>
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
