import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEXTS as T } from '../src/domain/bot';
import { correlationId, JOHN, MARY, type AdminRpc } from './admin-rpc';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { registeredStudent } from './student-driver';
import { supportChatsOf } from './support-driver';

// Office hours through the engine, on the test's clock: Lagos is UTC+1 all year; 2026-12-07 is a Monday.
const WEEKDAY = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '16:00' },
];
const SCHEDULE = {
  enabled: true,
  time_zone: 'Africa/Lagos',
  weekly: {
    monday: [...WEEKDAY, { start: '22:00', end: '24:00' }],
    tuesday: [{ start: '00:00', end: '02:00' }, ...WEEKDAY],
    wednesday: WEEKDAY,
    thursday: WEEKDAY,
    friday: WEEKDAY,
  },
};
const wat = (local: string) => new Date(`${local}+01:00`).getTime();
const closedUntil = (when: string) => T['support.closed'].replace('{when}', when);

describe('office hours', () => {
  let h: EngineHarness;
  let admin: AdminRpc;
  let clock: number;
  beforeEach(() => {
    clock = wat('2026-12-07T10:00:00');
  });
  useEngineWithAdmin((world) => ({ h, admin } = world), { hooks: { now: () => new Date(clock) } });

  const setSchedule = () => admin.ok('setOfficeHours', { actor: MARY, settings: SCHEDULE, correlationId: correlationId() });
  const asksForSupport = async (name: string) => {
    const student = await registeredStudent(h, name);
    const [reply] = await student.says('support');
    return { student, body: reply?.body ?? '' };
  };

  it('answers always open, with nothing configured, and tells the student nothing new', async () => {
    const view = await admin.ok('getOfficeHours', { actor: JOHN });
    expect(view).toMatchObject({ enabled: false, open_now: true, next_change_at: null, closures: [] });
    clock = wat('2026-12-06T03:00:00'); // a Sunday night
    const { body } = await asksForSupport('Sunday Student');
    expect(body).toBe(`${T['support.started']}\n\nYou are number 1 in line.`);
  });

  it('keeps the night shift open through midnight and tells a student after it when the team is back', async () => {
    clock = wat('2026-12-07T23:30:00');
    const view = await setSchedule();
    expect(view).toMatchObject({ enabled: true, open_now: true, next_change_at: new Date(wat('2026-12-08T02:00:00')).toISOString() });
    expect(view.next_change_label).toBe('tomorrow 2:00 (WAT)');
    // Every console hears of it (the status read after the commit, by the engine's own clock).
    await expect
      .poll(() => admin.events.find((e) => e.event === 'office_hours.updated'))
      .toMatchObject({ phone_number: null, office_hours: { enabled: true } });
    expect(admin.invalidEvents).toEqual([]);

    clock = wat('2026-12-08T00:30:00'); // Tuesday, still in the night shift
    const inside = await asksForSupport('Night Owl');
    expect(inside.body).toBe(`${T['support.started']}\n\nYou are number 1 in line.`);
    expect((await supportChatsOf(h, inside.student.phone))[0]?.arrived_outside_hours).toBe(false);

    clock = wat('2026-12-08T02:30:00'); // after it: back at 8:00 the same day
    const outside = await asksForSupport('Early Bird');
    expect(outside.body).toBe(`${closedUntil('today 8:00 (WAT)')}\n\n${T['support.started']}\n\nYou are number 2 in line.`);
    expect((await supportChatsOf(h, outside.student.phone))[0]).toMatchObject({ status: 'waiting', arrived_outside_hours: true });

    // Queued as in hours: what they write while waiting is kept for the team.
    await outside.student.says('My report card is missing');
    const { messages } = await h.conversationRows(outside.student.phone);
    expect(messages.some((m) => m.direction === 'inbound' && m.text === 'My report card is missing')).toBe(true);

    const stats = await admin.ok('stats', { actor: JOHN });
    expect(stats).toMatchObject({ open_arrived_while_closed: 1, office_hours: { enabled: true, open_now: false } });
    const listed = await admin.ok('listConversations', { actor: JOHN, arrived_while_closed: true });
    expect(listed.items.map((c) => c.phone_number)).toEqual([outside.student.phone]);
  });

  it('stays closed on a closure day and says the first day after it', async () => {
    await setSchedule();
    const { closure } = await admin.ok('addClosure', {
      actor: MARY,
      closure: { start_date: '2026-12-09', reason: 'Founders day' },
      correlationId: correlationId(),
    });
    expect(closure).toMatchObject({ start_date: '2026-12-09', end_date: '2026-12-09', reason: 'Founders day', created_by: MARY.name });

    clock = wat('2026-12-08T16:30:00'); // Tuesday after hours: Wednesday is closed
    expect(await admin.ok('getOfficeHours', { actor: JOHN })).toMatchObject({
      open_now: false,
      next_change_label: 'Thursday 8:00 (WAT)',
      closures: [closure],
    });
    clock = wat('2026-12-09T10:00:00'); // the closure day, in what would be office hours
    const { body } = await asksForSupport('Holiday Student');
    expect(body.startsWith(closedUntil('tomorrow 8:00 (WAT)'))).toBe(true);

    // A closure that ended more than a year ago goes when another is added; the count of kept ones stays bounded.
    await h.db
      .insertInto('office_hours_closures')
      .values({ id: randomUUID(), start_date: '2025-01-01', end_date: '2025-01-02', reason: 'Long ago', created_by: 'x' })
      .execute();
    await admin.ok('addClosure', {
      actor: MARY,
      closure: { start_date: '2027-01-01', reason: "New Year's Day" },
      correlationId: correlationId(),
    });
    expect((await h.db.selectFrom('office_hours_closures').select('reason').orderBy('start_date').execute()).map((c) => c.reason)).toEqual([
      'Founders day',
      "New Year's Day",
    ]);

    await admin.ok('removeClosure', { actor: MARY, id: closure.id, correlationId: correlationId() });
    expect(await admin.ok('getOfficeHours', { actor: JOHN })).toMatchObject({ open_now: true, closures: [{ reason: "New Year's Day" }] });
    expect(await admin.call('removeClosure', { actor: MARY, id: closure.id, correlationId: correlationId() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses a schedule that crosses midnight, overlaps, or names no real time zone', async () => {
    const refused = async (settings: unknown) => {
      const reply = (await admin.raw('office-hours.set', { actor: MARY, settings, correlationId: correlationId() })) as {
        ok: boolean;
        error?: { code: string; message: string };
      };
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      return reply.error?.message ?? '';
    };
    expect(await refused({ ...SCHEDULE, weekly: { monday: [{ start: '22:00', end: '02:00' }] } })).toMatch(/start must be before end/);
    expect(
      await refused({
        ...SCHEDULE,
        weekly: {
          monday: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      }),
    ).toMatch(/overlap/);
    expect(await refused({ ...SCHEDULE, time_zone: 'Africa/Atlantis' })).toMatch(/IANA/);
    expect(await refused({ ...SCHEDULE, weekly: { monday: [{ start: '8:00', end: '12:00' }] } })).toMatch(/HH:MM/);
    expect(await admin.ok('getOfficeHours', { actor: JOHN })).toMatchObject({ enabled: false });
  });
});
