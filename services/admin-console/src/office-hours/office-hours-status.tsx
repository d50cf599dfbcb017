import type { OfficeHours } from './types';

/** "Open now, closes today 16:00 (WAT)" / "Closed now, back Monday 8:00 (WAT)", as the student is told. */
function statusText(hours: Pick<OfficeHours, 'enabled' | 'open_now' | 'next_change_label'>): string {
  if (!hours.enabled) return 'Office hours are off: students asking for support are never told the team is closed.';
  const when = hours.next_change_label;
  if (hours.open_now) return when ? `Open now, closes ${when}` : 'Open now';
  return when ? `Closed now, back ${when}` : 'Closed now, with no opening ahead';
}

export function OfficeHoursStatus({ hours }: { hours: Pick<OfficeHours, 'enabled' | 'open_now' | 'next_change_label'> }) {
  const state = !hours.enabled ? 'off' : hours.open_now ? 'open' : 'closed';
  return (
    <p className={`office-status office-status-${state}`} role="status">
      {statusText(hours)}
    </p>
  );
}
