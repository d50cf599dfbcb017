import type { ReportFigures, ReportGroup } from './types';

// How the Reports screen shows figures: times in minutes (one decimal), averages to two places, absent
// figures as a dash. The table cells carry the raw value too (data-value), so a test can compare them.

export const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);
export const show = (value: number | null, unit = '') => (value === null ? '\u2014' : `${value}${unit}`);

export interface Column {
  key: string;
  label: string;
  value(f: ReportFigures): number | null;
  unit?: string;
}

export const COLUMNS: Column[] = [
  { key: 'chats', label: 'Chats', value: (f) => f.chats },
  { key: 'messages_in', label: 'Messages in', value: (f) => f.messages_in },
  { key: 'messages_out', label: 'Messages out', value: (f) => f.messages_out },
  { key: 'waiting_median', label: 'Waiting, median (min)', value: (f) => minutes(f.waiting_median_seconds) },
  { key: 'waiting_p90', label: 'Waiting, p90 (min)', value: (f) => minutes(f.waiting_p90_seconds) },
  { key: 'first_response_median', label: 'First response, median (min)', value: (f) => minutes(f.first_response_median_seconds) },
  { key: 'resolution_median', label: 'Resolution, median (min)', value: (f) => minutes(f.resolution_median_seconds) },
  { key: 'csat_average', label: 'CSAT average', value: (f) => f.csat_average },
  { key: 'csat_responses', label: 'CSAT answers', value: (f) => f.csat_responses },
  { key: 'outside_hours', label: 'Outside hours', value: (f) => f.outside_hours_chats },
  { key: 'failed_sends', label: 'Failed sends', value: (f) => f.failed_sends },
];

export const failedReasons = (group: ReportGroup) =>
  group.failed_by_reason.map((r) => `${r.title}${r.code === null ? '' : ` (${r.code})`}: ${r.count}`).join('; ') || 'none';
