import { useCallback, useEffect, useState } from 'react';
import type { Conversation, Stats } from '../api/types';
import { Link } from '../app/router';
import { studentKey, studentName } from '../conversations/student';
import { useStats } from '../dashboard/stats';
import { useLiveEvent } from '../live/live-events';
import { useSession } from '../session/session';
import { OfficeHoursStatus } from './office-hours-status';
import type { OfficeHours } from './types';
import { useRefreshAt } from './use-refresh-at';
import './office-hours.css';

/**
 * The dashboard's office-hours panel: open or closed now, and the chats that arrived while closed (today,
 * and those still open, each a link to its conversation). Re-read whenever the figures are (live events).
 */
export function OfficeHoursPanel() {
  const { api } = useSession();
  const { stats } = useStats();
  const [arrived, setArrived] = useState<Conversation[] | null>(null);
  // Read again when open/closed turns over (the figures are re-read on conversation events only), until
  // fresher figures come: a read belongs to the figures it followed.
  const [later, setLater] = useState<{
    after: Stats | null;
    status: Pick<OfficeHours, 'enabled' | 'open_now' | 'next_change_at' | 'next_change_label'>;
  } | null>(null);
  const open = stats?.open_arrived_while_closed;
  const status = later && later.after === stats ? later.status : stats?.office_hours;
  const turnOver = useCallback(() => {
    api.officeHours().then(
      (status) => setLater({ after: stats, status }),
      () => undefined,
    );
  }, [api, stats]);
  useRefreshAt(status?.next_change_at, turnOver);
  // An admin changed the schedule or a closure: the event says what it means now.
  useLiveEvent(({ name, data }) => {
    if (name === 'office_hours.updated' && data.office_hours) setLater({ after: stats, status: data.office_hours });
  });

  useEffect(() => {
    if (open === undefined) return;
    let current = true;
    api.arrivedWhileClosed().then(
      (page) => current && setArrived(page.items),
      () => current && setArrived(null),
    );
    return () => {
      current = false;
    };
  }, [api, stats, open]);

  // An admin-api older than office hours sends none of these: nothing to show.
  if (!stats?.office_hours || !status) return null;
  return (
    <section className="card office-panel" aria-labelledby="office-panel-heading">
      <h2 id="office-panel-heading">Office hours</h2>
      <OfficeHoursStatus hours={status} />
      <p>{`Arrived while closed: ${stats.arrived_while_closed_today ?? 0} today, ${open ?? 0} still waiting or in a chat.`}</p>
      {arrived && arrived.length > 0 && (
        <ul aria-label="Arrived while closed">
          {arrived.map((c) => (
            <li key={studentKey(c)}>
              <Link to={`/conversations/${encodeURIComponent(studentKey(c))}`}>{studentName(c)}</Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/office-hours">Office hours and closures</Link>
      </p>
    </section>
  );
}
