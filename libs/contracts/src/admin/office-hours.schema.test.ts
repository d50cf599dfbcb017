import { describe, expect, it } from 'vitest';
import { newClosureSchema, officeHoursSettingsSchema } from './office-hours.schema';

const settings = (weekly: unknown, time_zone = 'Africa/Lagos') => officeHoursSettingsSchema.safeParse({ enabled: true, time_zone, weekly });

describe('office hours settings', () => {
  it('takes periods up to 24:00, sorted, with missing days empty, and the zone as the runtime spells it', () => {
    const parsed = officeHoursSettingsSchema.parse({
      enabled: true,
      time_zone: 'africa/lagos',
      weekly: {
        monday: [
          { start: '22:00', end: '24:00' },
          { start: '08:00', end: '12:00' },
        ],
      },
    });
    expect(parsed.time_zone).toBe('Africa/Lagos');
    expect(parsed.weekly.monday).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '22:00', end: '24:00' },
    ]);
    expect(parsed.weekly.sunday).toEqual([]);
  });

  it('refuses a period across midnight, overlapping periods, 24:00 as a start, too many periods and an unknown zone', () => {
    expect(settings({ monday: [{ start: '22:00', end: '02:00' }] }).success).toBe(false);
    expect(
      settings({
        monday: [
          { start: '08:00', end: '12:00' },
          { start: '11:59', end: '13:00' },
        ],
      }).success,
    ).toBe(false);
    expect(settings({ monday: [{ start: '24:00', end: '24:00' }] }).success).toBe(false);
    expect(settings({ monday: Array.from({ length: 7 }, (_, h) => ({ start: `0${h}:00`, end: `0${h}:30` })) }).success).toBe(false);
    expect(settings({}, 'Mars/Olympus_Mons').success).toBe(false);
    // Touching periods are fine: one opening.
    expect(
      settings({
        monday: [
          { start: '08:00', end: '12:00' },
          { start: '12:00', end: '13:00' },
        ],
      }).success,
    ).toBe(true);
  });
});

describe('closures', () => {
  it('makes a one-day closure of a start date alone, and refuses ranges backwards or longer than a year', () => {
    expect(newClosureSchema.parse({ start_date: '2026-12-25', reason: ' Christmas ' })).toEqual({
      start_date: '2026-12-25',
      end_date: '2026-12-25',
      reason: 'Christmas',
    });
    expect(newClosureSchema.safeParse({ start_date: '2026-12-25', end_date: '2026-12-24', reason: 'x' }).success).toBe(false);
    expect(newClosureSchema.safeParse({ start_date: '2026-01-01', end_date: '2027-01-02', reason: 'x' }).success).toBe(false);
    expect(newClosureSchema.safeParse({ start_date: '2026-02-30', reason: 'x' }).success).toBe(false);
    expect(newClosureSchema.safeParse({ start_date: '2026-12-25', reason: 'a\u0000b' }).success).toBe(false);
  });
});
