import { DAY_LABELS, MAX_PERIODS_PER_DAY, WEEKDAYS, type Period, type Weekday, type Weekly } from './types';

// A time input cannot show 24:00: the end of the day is shown as 00:00, and an end of 00:00 means midnight.
const toInput = (time: string) => (time === '24:00' ? '00:00' : time);
const fromEndInput = (time: string) => (time === '00:00' ? '24:00' : time);

function nextPeriod(periods: Period[]): Period {
  const last = periods.at(-1);
  if (!last) return { start: '08:00', end: '16:00' };
  const hour = Math.min(Number(last.end.slice(0, 2)) + 1, 23);
  return { start: `${String(hour).padStart(2, '0')}:00`, end: hour >= 23 ? '24:00' : `${String(hour + 1).padStart(2, '0')}:00` };
}

/** The weekly grid an admin edits: each day's periods, added and removed in place. */
export function WeeklyEditor({ value, onChange, disabled }: { value: Weekly; onChange(next: Weekly): void; disabled?: boolean }) {
  const setDay = (day: Weekday, periods: Period[]) => onChange({ ...value, [day]: periods });
  return (
    <div className="weekly-editor">
      {WEEKDAYS.map((day) => {
        const periods = value[day];
        const name = DAY_LABELS[day];
        return (
          <fieldset key={day} className="weekly-day">
            <legend>{name}</legend>
            {periods.length === 0 && <p className="muted">Closed all day</p>}
            {periods.map((period, i) => {
              const change = (patch: Partial<Period>) =>
                setDay(
                  day,
                  periods.map((p, j) => (j === i ? { ...p, ...patch } : p)),
                );
              return (
                <div key={i} className="weekly-period">
                  <span className="weekly-times">
                    <label>
                      <span className="visually-hidden">{`${name} period ${i + 1} opens`}</span>
                      <input
                        type="time"
                        step={60}
                        required
                        value={period.start}
                        disabled={disabled}
                        onChange={(e) => change({ start: e.target.value })}
                      />
                    </label>
                    <span aria-hidden="true">to</span>
                    <label>
                      <span className="visually-hidden">{`${name} period ${i + 1} closes`}</span>
                      <input
                        type="time"
                        step={60}
                        required
                        value={toInput(period.end)}
                        disabled={disabled}
                        onChange={(e) => change({ end: fromEndInput(e.target.value) })}
                      />
                    </label>
                  </span>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove ${name} period ${i + 1}`}
                    disabled={disabled}
                    onClick={() =>
                      setDay(
                        day,
                        periods.filter((_, j) => j !== i),
                      )
                    }
                  >
                    Remove
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              className="button"
              aria-label={`Add period on ${name}`}
              disabled={disabled || periods.length >= MAX_PERIODS_PER_DAY}
              onClick={() => setDay(day, [...periods, nextPeriod(periods)])}
            >
              Add period
            </button>
          </fieldset>
        );
      })}
    </div>
  );
}

/** The same week, read-only (agents): "08:00–12:00, 13:00–16:00" or "Closed". */
export function WeeklySummary({ value }: { value: Weekly }) {
  return (
    <table className="table weekly-summary">
      <caption className="visually-hidden">Weekly office hours</caption>
      <tbody>
        {WEEKDAYS.map((day) => (
          <tr key={day}>
            <th scope="row">{DAY_LABELS[day]}</th>
            <td>{value[day].length === 0 ? 'Closed' : value[day].map((p) => `${p.start}–${p.end}`).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
