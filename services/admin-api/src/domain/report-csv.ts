import type { Report, ReportFigures } from '@app/contracts';

// The report as CSV (RFC 4180): one line per group and bucket, then one per group for the whole range
// (bucket `total`). Names are the school's own text (agents, labels): a cell a spreadsheet would run as a
// formula is prefixed with an apostrophe, and every cell is quoted when it needs to be.

const COLUMNS = [
  'chats',
  'chats_ended',
  'messages_in',
  'messages_out',
  'waiting_median_seconds',
  'waiting_p90_seconds',
  'first_response_median_seconds',
  'first_response_p90_seconds',
  'resolution_median_seconds',
  'resolution_p90_seconds',
  'csat_responses',
  'csat_average',
  'outside_hours_chats',
  'failed_sends',
] as const satisfies readonly (keyof ReportFigures)[];

const REPORT_CSV_HEADER = ['group_key', 'group_name', 'bucket_start', ...COLUMNS, 'csat_1', 'csat_2', 'csat_3', 'csat_4', 'csat_5'];

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (string | number | null)[]) => cells.map(csvCell).join(',');
const figures = (f: ReportFigures) => [...COLUMNS.map((c) => f[c] as number | null), ...f.csat_distribution];

export function reportCsv(report: Report): string {
  const lines = [line(REPORT_CSV_HEADER)];
  for (const group of report.groups) {
    for (const bucket of group.buckets) lines.push(line([group.key, group.name, bucket.start, ...figures(bucket)]));
  }
  for (const group of report.groups) lines.push(line([group.key, group.name, 'total', ...figures(group.totals)]));
  return `${lines.join('\r\n')}\r\n`;
}
