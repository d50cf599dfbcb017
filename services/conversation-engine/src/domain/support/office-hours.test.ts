import { WEEKDAYS, type Weekday } from '@app/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpen, nextClosing, nextOpening, officeHoursNow, type OfficeSchedule } from './office-hours';
import { describeMoment } from './office-hours-wording';

const none: Record<Weekday, { start: string; end: string }[]> = {
  monday: [],
  tuesday: [],
  wednesday: [],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
};
const weekdays = (periods: { start: string; end: string }[]) => ({
  ...none,
  monday: periods,
  tuesday: periods,
  wednesday: periods,
  thursday: periods,
  friday: periods,
});
const LUNCH_BREAK = weekdays([
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '16:00' },
]);
const lagos = (over: Partial<OfficeSchedule> = {}): OfficeSchedule => ({
  enabled: true,
  timeZone: 'Africa/Lagos',
  weekly: LUNCH_BREAK,
  closures: [],
  ...over,
});
// Lagos is UTC+1 all year: 2026-12-07 is a Monday.
const at = (iso: string) => new Date(iso);

describe('office hours', () => {
  it('is always open when off, whatever the schedule says', () => {
    const off = lagos({ enabled: false, weekly: none });
    expect(isOpen(off, at('2026-12-06T03:00:00Z'))).toBe(true);
    expect(officeHoursNow(off, at('2026-12-06T03:00:00Z'))).toEqual({ open: true, nextChangeAt: null });
  });

  it('is open in a period, closed over lunch, and reopens after it', () => {
    const s = lagos();
    expect(isOpen(s, at('2026-12-07T07:00:00Z'))).toBe(true); // 08:00 WAT
    expect(isOpen(s, at('2026-12-07T06:59:00Z'))).toBe(false);
    expect(isOpen(s, at('2026-12-07T11:30:00Z'))).toBe(false); // 12:30 WAT, lunch
    expect(nextOpening(s, at('2026-12-07T11:30:00Z'))).toEqual(at('2026-12-07T12:00:00Z'));
    expect(nextClosing(s, at('2026-12-07T09:00:00Z'))).toEqual(at('2026-12-07T11:00:00Z'));
  });

  it('sends Friday evening to Monday morning', () => {
    expect(nextOpening(lagos(), at('2026-12-11T16:00:00Z'))).toEqual(at('2026-12-14T07:00:00Z'));
  });

  it('skips closure days, both ends of a range included', () => {
    const s = lagos({ closures: [{ startDate: '2026-12-24', endDate: '2026-12-28' }] });
    expect(isOpen(s, at('2026-12-24T09:00:00Z'))).toBe(false);
    expect(isOpen(s, at('2026-12-28T09:00:00Z'))).toBe(false);
    expect(nextOpening(s, at('2026-12-23T16:00:00Z'))).toEqual(at('2026-12-29T07:00:00Z'));
    // Closing time on the eve of a closure is the period's end, as any day.
    expect(nextClosing(s, at('2026-12-23T14:00:00Z'))).toEqual(at('2026-12-23T15:00:00Z'));
  });

  it('keeps a night shift split at midnight open through midnight', () => {
    const s = lagos({ weekly: { ...none, monday: [{ start: '22:00', end: '24:00' }], tuesday: [{ start: '00:00', end: '02:00' }] } });
    expect(isOpen(s, at('2026-12-07T22:59:00Z'))).toBe(true); // 23:59 WAT Monday
    expect(isOpen(s, at('2026-12-07T23:00:00Z'))).toBe(true); // 00:00 WAT Tuesday
    expect(nextClosing(s, at('2026-12-07T21:30:00Z'))).toEqual(at('2026-12-08T01:00:00Z')); // 02:00 WAT
    expect(nextOpening(s, at('2026-12-08T01:00:00Z'))).toEqual(at('2026-12-14T21:00:00Z')); // next Monday 22:00 WAT
  });

  it('closes at midnight when the next day is a closure', () => {
    const s = lagos({
      weekly: { ...none, monday: [{ start: '22:00', end: '24:00' }], tuesday: [{ start: '00:00', end: '02:00' }] },
      closures: [{ startDate: '2026-12-08', endDate: '2026-12-08' }],
    });
    expect(nextClosing(s, at('2026-12-07T21:30:00Z'))).toEqual(at('2026-12-07T23:00:00Z'));
  });

  it('follows the wall clock across daylight saving changes', () => {
    const london: OfficeSchedule = {
      enabled: true,
      timeZone: 'Europe/London',
      weekly: weekdays([{ start: '08:00', end: '16:00' }]),
      closures: [],
    };
    // Friday 2026-03-27 after hours (GMT) -> Monday 2026-03-30 08:00 BST = 07:00Z.
    expect(nextOpening(london, at('2026-03-27T17:00:00Z'))).toEqual(at('2026-03-30T07:00:00Z'));
    // Friday 2026-10-23 (BST) -> Monday 2026-10-26 08:00 GMT = 08:00Z.
    expect(nextOpening(london, at('2026-10-23T17:00:00Z'))).toEqual(at('2026-10-26T08:00:00Z'));
  });

  it('opens when the clocks jump over a period start, at the jump', () => {
    // New York springs forward 2026-03-08 at 02:00 -> 03:00 (a Sunday).
    const ny: OfficeSchedule = {
      enabled: true,
      timeZone: 'America/New_York',
      weekly: { ...none, sunday: [{ start: '02:30', end: '05:00' }] },
      closures: [],
    };
    expect(nextOpening(ny, at('2026-03-08T06:00:00Z'))).toEqual(at('2026-03-08T07:00:00Z')); // 03:00 EDT
  });

  it('answers null when no period is ever open', () => {
    expect(nextOpening(lagos({ weekly: none }), at('2026-12-07T09:00:00Z'))).toBeNull();
    expect(nextClosing(lagos(), at('2026-12-07T06:00:00Z'))).toBeNull();
  });

  it('says when the team is back in the school time zone', () => {
    const now = at('2026-12-11T17:00:00Z'); // Friday 18:00 WAT
    expect(describeMoment(at('2026-12-14T07:00:00Z'), now, 'Africa/Lagos')).toBe('Monday 8:00 (WAT)');
    expect(describeMoment(at('2026-12-12T07:00:00Z'), now, 'Africa/Lagos')).toBe('tomorrow 8:00 (WAT)');
    expect(describeMoment(at('2026-12-11T18:30:00Z'), now, 'Africa/Lagos')).toBe('today 19:30 (WAT)');
    expect(describeMoment(at('2027-01-04T07:00:00Z'), now, 'Africa/Lagos')).toBe('Monday 4 January 8:00 (WAT)');
  });
});

const ZONES = ['Africa/Lagos', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham'];
const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const dayArb = fc
  .uniqueArray(
    fc.integer({ min: 0, max: 48 }).map((h) => h * 30),
    { maxLength: 6 },
  )
  .map((marks) => {
    const sorted = [...marks].sort((a, b) => a - b);
    const periods: { start: string; end: string }[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      periods.push({ start: time(sorted[i]!), end: sorted[i + 1] === 1440 ? '24:00' : time(sorted[i + 1]!) });
    return periods;
  });
const scheduleArb = fc.record({
  enabled: fc.constant(true),
  timeZone: fc.constantFrom(...ZONES),
  weekly: fc.record(Object.fromEntries(WEEKDAYS.map((d) => [d, dayArb])) as Record<Weekday, typeof dayArb>),
  closures: fc.array(
    fc.integer({ min: 0, max: 60 }).map((d) => ({
      startDate: new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10),
      endDate: new Date(Date.UTC(2026, 2, 3 + d)).toISOString().slice(0, 10),
    })),
    { maxLength: 3 },
  ),
});
const instantArb = fc.integer({ min: Date.UTC(2026, 1, 20), max: Date.UTC(2026, 4, 20) }).map((ms) => new Date(ms));

describe('office hours (properties)', () => {
  it('next opening is open, and nothing before it is', () => {
    fc.assert(
      fc.property(scheduleArb, instantArb, fc.double({ min: 0, max: 1, noNaN: true }), (s, t, fraction) => {
        const opening = nextOpening(s, t);
        if (opening === null) return;
        expect(isOpen(s, opening)).toBe(true);
        expect(opening.getTime()).toBeGreaterThanOrEqual(t.getTime());
        const before = new Date(t.getTime() + Math.floor((opening.getTime() - t.getTime()) * fraction) - 60_000);
        if (before > t) expect(isOpen(s, before)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('next closing is closed, and everything open until it', () => {
    fc.assert(
      fc.property(scheduleArb, instantArb, fc.double({ min: 0, max: 1, noNaN: true }), (s, t, fraction) => {
        const closing = nextClosing(s, t);
        if (!isOpen(s, t)) {
          expect(closing).toBeNull();
          return;
        }
        if (closing === null) return;
        expect(isOpen(s, closing)).toBe(false);
        const between = new Date(t.getTime() + Math.floor((closing.getTime() - t.getTime() - 1) * fraction));
        expect(isOpen(s, between)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
