import { describe, expect, it } from 'vitest';
import type { ReportFigures } from '@app/contracts';
import { csvCell, reportCsv } from './report-csv';

const figures: ReportFigures = {
  chats: 2,
  chats_ended: 1,
  messages_in: 5,
  messages_out: 4,
  waiting_median_seconds: 120,
  waiting_p90_seconds: 168.5,
  first_response_median_seconds: null,
  first_response_p90_seconds: null,
  resolution_median_seconds: 750,
  resolution_p90_seconds: 1110,
  csat_responses: 2,
  csat_average: 3.5,
  csat_distribution: [0, 1, 0, 0, 1],
  outside_hours_chats: 1,
  failed_sends: 0,
};

describe('the report as CSV', () => {
  it('writes a line per bucket then a total per group, empty cells for figures not measured', () => {
    const csv = reportCsv({
      from: '2026-03-02',
      to: '2026-03-02',
      bucket: 'day',
      by: 'agent',
      time_zone: 'UTC',
      omitted_groups: 0,
      groups: [
        { key: 'u1', name: 'Mary, "the boss"', totals: figures, buckets: [{ start: '2026-03-02', ...figures }], failed_by_reason: [] },
      ],
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^group_key,group_name,bucket_start,chats,/);
    expect(lines[1]).toBe('u1,"Mary, ""the boss""",2026-03-02,2,1,5,4,120,168.5,,,750,1110,2,3.5,1,0,0,1,0,0,1');
    expect(lines[2]).toBe('u1,"Mary, ""the boss""",total,2,1,5,4,120,168.5,,,750,1110,2,3.5,1,0,0,1,0,0,1');
    expect(lines[3]).toBe('');
  });

  it('never lets a name run as a spreadsheet formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });
});
