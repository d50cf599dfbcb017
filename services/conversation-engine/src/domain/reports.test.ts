import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_GROUPED_DAILY_REPORT_DAYS, MAX_REPORT_GROUPS } from '@app/contracts';
import { bucketStarts, buildReport, TOTAL, type GroupRows } from './reports';

describe('report buckets', () => {
  it('lists every day of the range, both ends included', () => {
    expect(bucketStarts('2026-02-27', '2026-03-02', 'day')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('starts weeks on the Monday on or before the first day, as date_trunc does', () => {
    expect(bucketStarts('2026-03-04', '2026-03-16', 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(bucketStarts('2026-03-02', '2026-03-02', 'week')).toEqual(['2026-03-02']);
  });
});

describe('building the report', () => {
  const group = (key: string, name: string, chats: number): GroupRows => ({
    key,
    name,
    chats: new Map([
      [
        TOTAL,
        {
          chats,
          chatsEnded: chats,
          waiting: [null, null],
          firstResponse: [null, null],
          resolution: [null, null],
          csatAverage: null,
          csat: [0, 0, 0, 0, 0],
          outsideHours: 0,
        },
      ],
    ]),
    messages: new Map(),
    failedByReason: [],
  });

  it('keeps the busiest groups, fills quiet buckets with zeros and counts the groups left out', () => {
    const groups = Array.from({ length: MAX_REPORT_GROUPS + 3 }, (_, i) => group(`g${i}`, `Group ${i}`, i));
    const report = buildReport({ from: '2026-03-02', to: '2026-03-03', bucket: 'day', by: 'label', timeZone: 'UTC' }, groups);
    expect(report.groups).toHaveLength(MAX_REPORT_GROUPS);
    expect(report.groups[0]).toMatchObject({ key: `g${MAX_REPORT_GROUPS + 2}`, totals: { chats: MAX_REPORT_GROUPS + 2 } });
    expect(report.omitted_groups).toBe(3);
    expect(report.groups[0]!.buckets.map((b) => [b.start, b.chats, b.waiting_median_seconds])).toEqual([
      ['2026-03-02', 0, null],
      ['2026-03-03', 0, null],
    ]);
  });
});

describe('the largest report the contract allows', () => {
  it('stays well under NATS max_payload (1 MiB) as the RPC reply', () => {
    const full = {
      chats: 99_999,
      chatsEnded: 99_999,
      waiting: [86_399.9, 86_399.9],
      firstResponse: [86_399.9, 86_399.9],
      resolution: [86_399.9, 86_399.9],
      csatAverage: 4.67,
      csat: [99_999, 99_999, 99_999, 99_999, 99_999],
      outsideHours: 99_999,
    } as const;
    const days = bucketStarts('2026-01-01', '2026-04-03', 'day');
    expect(days).toHaveLength(MAX_GROUPED_DAILY_REPORT_DAYS);
    const groups: GroupRows[] = Array.from({ length: 40 }, () => ({
      key: randomUUID(),
      name: 'x'.repeat(200),
      chats: new Map(
        [TOTAL, ...days].map((d) => [
          d,
          {
            ...full,
            waiting: [...full.waiting],
            firstResponse: [...full.firstResponse],
            resolution: [...full.resolution],
            csat: [...full.csat],
          },
        ]),
      ),
      messages: new Map([TOTAL, ...days].map((d) => [d, { messagesIn: 9_999_999, messagesOut: 9_999_999, failed: 9_999_999 }])),
      failedByReason: Array.from({ length: 30 }, (_, k) => ({ code: 131_000 + k, title: 'y'.repeat(100), count: 99_999 })),
    }));
    const report = buildReport(
      { from: '2026-01-01', to: '2026-04-03', bucket: 'day', by: 'label', timeZone: 'America/Argentina/ComodRivadavia' },
      groups,
    );
    const bytes = Buffer.byteLength(JSON.stringify({ ok: true, data: report }));
    expect(bytes).toBeLessThan(800 * 1024);
  });
});
