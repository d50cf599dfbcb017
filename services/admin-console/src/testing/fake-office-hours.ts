import { vi } from 'vitest';
import type { ConsoleApi } from '../api/console-api';
import type { OfficeHours } from '../office-hours/types';

type OfficeHoursCalls = Pick<ConsoleApi, 'officeHours' | 'setOfficeHours' | 'addClosure' | 'removeClosure' | 'arrivedWhileClosed'>;

export const officeHoursOff: OfficeHours = {
  enabled: false,
  time_zone: 'UTC',
  weekly: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
  closures: [],
  open_now: true,
  next_change_at: null,
  next_change_label: null,
  updated_at: null,
  updated_by: null,
};

/** fakeApi's office hours: not configured, no chats that arrived while closed, and commands that never answer. */
export function fakeOfficeHours(): OfficeHoursCalls {
  const pending = () => new Promise<never>(() => undefined);
  return {
    officeHours: vi.fn(() => Promise.resolve(officeHoursOff)),
    setOfficeHours: vi.fn(pending),
    addClosure: vi.fn(pending),
    removeClosure: vi.fn(pending),
    arrivedWhileClosed: vi.fn(() => Promise.resolve({ items: [], next_cursor: null })),
  };
}
