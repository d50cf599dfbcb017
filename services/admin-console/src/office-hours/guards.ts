import type { OfficeHours } from './types';

// The office_hours.updated live event's status, checked field by field like api/guards.ts's views.

export type OfficeHoursStatusView = Pick<OfficeHours, 'enabled' | 'open_now' | 'next_change_at' | 'next_change_label'>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isStringOrNull = (value: unknown) => typeof value === 'string' || value === null;

export function isOfficeHoursStatus(value: unknown): value is OfficeHoursStatusView {
  return (
    isObject(value) &&
    typeof value.enabled === 'boolean' &&
    typeof value.open_now === 'boolean' &&
    isStringOrNull(value.next_change_at) &&
    isStringOrNull(value.next_change_label)
  );
}
