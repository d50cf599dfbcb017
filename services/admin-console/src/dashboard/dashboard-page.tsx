import { useState } from 'react';
import { Link } from '../app/router';
import { OfficeHoursPanel } from '../office-hours/office-hours-panel';
import { formatDuration, formatTime } from '../ui/format';
import { BillableToday } from './billable-today';
import { disableNotifications, enableNotifications } from './notifications';
import { useStats } from './stats';

function Figure({ label, value, to }: { label: string; value: string; to?: string }) {
  const body = (
    <>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </>
  );
  return <li className="figure">{to ? <Link to={to}>{body}</Link> : body}</li>;
}

export function DashboardPage({ alerts, onAlerts }: { alerts: boolean; onAlerts(enabled: boolean): void }) {
  const { stats, error } = useStats();
  const [note, setNote] = useState<string | null>(null);
  const count = (n: number | undefined) => (n === undefined ? '…' : String(n));

  const toggle = async (on: boolean) => {
    if (!on) {
      disableNotifications(localStorage);
      setNote(null);
      onAlerts(false);
      return;
    }
    const outcome = await enableNotifications(localStorage);
    setNote(outcome === 'granted' ? null : 'The browser will not show notifications, so the console plays a sound only.');
    onAlerts(true);
  };

  return (
    <section className="dashboard" aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">Dashboard</h1>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <ul className="figures">
        <Figure label="students waiting" value={count(stats?.waiting_chats)} to="/conversations?filter=waiting" />
        <Figure label="chats in progress" value={count(stats?.active_chats)} to="/conversations?filter=active" />
        <Figure label="chats today" value={count(stats?.chats_today)} />
        <Figure label="median first response" value={stats ? formatDuration(stats.median_first_response_seconds) : '…'} />
      </ul>
      {stats?.oldest_waiting_since && <p>Waiting longest since {formatTime(stats.oldest_waiting_since)}.</p>}
      <BillableToday stats={stats} />
      <OfficeHoursPanel />
      <label className="checkbox">
        <input type="checkbox" checked={alerts} onChange={(event) => void toggle(event.target.checked)} />
        Notify me with a sound and a browser notification when a student starts waiting
      </label>
      {note && <p role="status">{note}</p>}
    </section>
  );
}
