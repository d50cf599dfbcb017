import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useLiveEvent } from '../live/live-events';
import { useSession, useUser } from '../session/session';
import { ErrorAlert } from '../ui/error-alert';
import { useSaveStatus } from '../ui/use-save-status';
import { ClosuresSection } from './closures-section';
import { OfficeHoursStatus } from './office-hours-status';
import type { OfficeHours, Weekly } from './types';
import { useRefreshAt } from './use-refresh-at';
import { WeeklyEditor, WeeklySummary } from './weekly-editor';
import './office-hours.css';

const zones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);

/** Office hours: the weekly schedule in the school's time zone and its closures. Admins edit; agents read. */
export function OfficeHoursPage() {
  const { api } = useSession();
  const canEdit = useUser().role === 'admin';
  const [hours, setHours] = useState<OfficeHours | null>(null);
  const [draft, setDraft] = useState<{ enabled: boolean; time_zone: string; weekly: Weekly } | null>(null);
  const { busy, message, save: run, fail } = useSaveStatus();
  const error = message?.kind === 'error' ? message.text : null;

  const show = useCallback((answer: OfficeHours) => {
    setHours(answer);
    setDraft({ enabled: answer.enabled, time_zone: answer.time_zone, weekly: answer.weekly });
  }, []);
  const reload = useCallback(() => {
    api.officeHours().then(show, fail);
  }, [api, show, fail]);
  useEffect(reload, [reload]);
  // Only the status turns over by itself; a reload then would also reset an admin's unsaved edits.
  const refreshStatus = useCallback(() => {
    api.officeHours().then(
      (answer) => setHours(answer),
      () => undefined,
    );
  }, [api]);
  useRefreshAt(hours?.next_change_at, refreshStatus);
  // Another admin changed the schedule or a closure: read it again, without losing edits not yet saved here.
  const unchanged =
    hours &&
    draft &&
    JSON.stringify({ enabled: hours.enabled, time_zone: hours.time_zone, weekly: hours.weekly }) === JSON.stringify(draft);
  useLiveEvent(({ name }) => {
    if (name !== 'office_hours.updated') return;
    if (unchanged) reload();
    else refreshStatus();
  });

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft) run(api.setOfficeHours(draft), show);
  };

  return (
    <section className="office-hours" aria-labelledby="office-hours-heading">
      <h1 id="office-hours-heading">Office hours</h1>
      <ErrorAlert error={error} />
      {hours === null || draft === null ? (
        !error && <p className="muted">Loading office hours…</p>
      ) : (
        <>
          <OfficeHoursStatus hours={hours} />
          {canEdit ? (
            <form onSubmit={save} aria-label="Weekly schedule" className="office-hours-form">
              <label className="checkbox">
                <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
                Use office hours (outside them, students asking for support are told when the team is back)
              </label>
              <label className="time-zone">
                Time zone
                <input
                  type="text"
                  list="time-zones"
                  required
                  value={draft.time_zone}
                  onChange={(e) => setDraft({ ...draft, time_zone: e.target.value })}
                />
              </label>
              <datalist id="time-zones">
                {zones().map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
              <p className="muted">Periods never cross midnight: a night shift is two periods, up to 00:00 and from 00:00 the next day.</p>
              <WeeklyEditor value={draft.weekly} onChange={(weekly) => setDraft({ ...draft, weekly })} disabled={busy} />
              <button type="submit" className="button button-primary" disabled={busy}>
                Save schedule
              </button>
              {message?.kind === 'done' && <p role="status">Schedule saved.</p>}
            </form>
          ) : (
            <>
              <p className="muted">{`Times are in ${hours.time_zone}. Only admins change them.`}</p>
              {hours.enabled && <WeeklySummary value={hours.weekly} />}
            </>
          )}
          <ClosuresSection closures={hours.closures} canEdit={canEdit} onChanged={reload} />
        </>
      )}
    </section>
  );
}
