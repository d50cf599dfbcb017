import type { paths } from '../api/openapi.gen';

// Office hours' shapes (issue 14), read off the generated OpenAPI types like api/types.ts.

type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type OfficeHours = JsonOf<paths['/api/admin/office-hours']['get']['responses'][200]>;
export type OfficeHoursSettings = NonNullable<paths['/api/admin/office-hours']['put']['requestBody']>['content']['application/json'];
export type Closure = OfficeHours['closures'][number];
export type NewClosure = NonNullable<paths['/api/admin/office-hours/closures']['post']['requestBody']>['content']['application/json'];
export type Period = { start: string; end: string };

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Weekly = Record<Weekday, Period[]>;
export const DAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};
/** As admin-api allows (MAX_PERIODS_PER_DAY of libs/contracts). */
export const MAX_PERIODS_PER_DAY = 6;
