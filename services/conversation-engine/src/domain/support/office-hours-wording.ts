import { addDays, localClock } from './office-hours-clock';

// A moment as a student reads it, in the school's time zone: "today 13:00 (WAT)", "tomorrow 8:00 (WAT)",
// "Monday 8:00 (WAT)", or with the date when it is a week or more away ("Monday 5 January 8:00 (WAT)").

const DAY_NAMES = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
} as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * English locales whose ICU data name the zones of the regions they are used in (en-NG says WAT where en-US
 * says GMT+1). The first that gives a name rather than an offset wins; otherwise the offset ("GMT+1") is shown.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-NG', 'en-KE', 'en-ZA', 'en-GH', 'en-IN', 'en-AU', 'en-CA'];

function zoneAbbreviation(at: Date, timeZone: string): string {
  let fallback = timeZone;
  for (const locale of ABBREVIATION_LOCALES) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!name) continue;
    if (!/^(GMT|UTC)[+\-\u2212]/.test(name)) return name;
    if (fallback === timeZone) fallback = name;
  }
  return fallback;
}

export function describeMoment(at: Date, now: Date, timeZone: string): string {
  const when = localClock(at, timeZone);
  const today = localClock(now, timeZone).date;
  const time = `${Math.floor(when.minute / 60)}:${String(when.minute % 60).padStart(2, '0')}`;
  const zone = zoneAbbreviation(at, timeZone);
  let day: string;
  if (when.date === today) day = 'today';
  else if (when.date === addDays(today, 1)) day = 'tomorrow';
  else if (when.date < addDays(today, 7)) day = DAY_NAMES[when.weekday];
  else day = `${DAY_NAMES[when.weekday]} ${Number(when.date.slice(8, 10))} ${MONTHS[Number(when.date.slice(5, 7)) - 1]}`;
  return `${day} ${time} (${zone})`;
}
