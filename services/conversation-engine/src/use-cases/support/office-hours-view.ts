import { WEEKDAYS, type ClosureView, type OfficeHoursView } from '@app/contracts';
import type { ClosureRow } from '../../db/repositories/office-hours.repository';
import { localClock } from '../../domain/support/office-hours-clock';
import { officeHoursNow } from '../../domain/support/office-hours';
import { describeMoment } from '../../domain/support/office-hours-wording';
import { noChanges, type Changes } from '../shared/changes';
import type { LoadedOfficeHours } from './load-office-schedule';

/** Every console viewing office hours (or the dashboard) hears of a change: office_hours.updated. */
export const officeHoursChanged = (): Changes => ({ ...noChanges(), officeHours: true });

const DEFAULT_TIME_ZONE = 'UTC';

export const toClosureView = (c: ClosureRow): ClosureView => ({
  id: c.id,
  start_date: c.start_date,
  end_date: c.end_date,
  reason: c.reason,
  created_at: c.created_at.toISOString(),
  created_by: c.created_by,
});

/** Open now, and when that changes, in instants and in the words a student would read. */
export function officeHoursStatus(loaded: LoadedOfficeHours, now: Date) {
  const { schedule } = loaded;
  if (!schedule?.enabled) return { enabled: false, open_now: true, next_change_at: null, next_change_label: null };
  const { open, nextChangeAt } = officeHoursNow(schedule, now);
  return {
    enabled: true,
    open_now: open,
    next_change_at: nextChangeAt?.toISOString() ?? null,
    next_change_label: nextChangeAt ? describeMoment(nextChangeAt, now, schedule.timeZone) : null,
  };
}

export function toOfficeHoursView(loaded: LoadedOfficeHours, now: Date): OfficeHoursView {
  const { row, schedule } = loaded;
  const timeZone = schedule?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = localClock(now, timeZone).date;
  const weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, schedule ? [...schedule.weekly[d]] : []])) as OfficeHoursView['weekly'];
  const { enabled, ...status } = officeHoursStatus(loaded, now);
  return {
    enabled,
    time_zone: timeZone,
    weekly,
    closures: loaded.closures.filter((c) => c.end_date >= today).map(toClosureView),
    ...status,
    updated_at: row?.updated_at.toISOString() ?? null,
    updated_by: row?.updated_by ?? null,
  };
}
