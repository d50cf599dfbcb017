import type { Report, ReportQuery } from '@app/contracts';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import {
  chatFigures,
  failedReasons,
  groupNames,
  inReportTransaction,
  messageFigures,
  reportTimeZone,
  type ChatFiguresRow,
} from '../../db/repositories/reports.repository';
import { buildReport, TOTAL, type ChatFigures, type GroupRows } from '../../domain/reports';

const UNNAMED = { overall: 'All chats', agent: 'No agent', label: 'No label' } as const;
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function chatFiguresOf(row: ChatFiguresRow): ChatFigures {
  return {
    chats: row.chats,
    chatsEnded: row.chats_ended,
    waiting: [num(row.waiting_median), num(row.waiting_p90)],
    firstResponse: [num(row.first_response_median), num(row.first_response_p90)],
    resolution: [num(row.resolution_median), num(row.resolution_p90)],
    csatAverage: num(row.csat_average),
    csat: [row.csat_1, row.csat_2, row.csat_3, row.csat_4, row.csat_5],
    outsideHours: row.outside_hours,
  };
}

/**
 * The support report for a range of days in the school's time zone (the contract bounds the range). Three
 * queries side by side (chats, messages, failed sends), each one pass over its index; names come from the
 * chats, else from the agents or labels tables.
 */
export async function supportReport(deps: { db: Kysely<EngineDatabase> }, query: ReportQuery): Promise<Report> {
  const timeZone = await reportTimeZone(deps.db);
  const range = { ...query, timeZone };
  const [chats, messages, failed] = await Promise.all([
    inReportTransaction(deps.db, (trx) => chatFigures(trx, range)),
    inReportTransaction(deps.db, (trx) => messageFigures(trx, range)),
    failedReasons(deps.db, range),
  ]);

  const groups = new Map<string | null, GroupRows>();
  const groupOf = (key: string | null) => {
    let group = groups.get(key);
    if (!group) {
      group = { key, name: '', chats: new Map(), messages: new Map(), failedByReason: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const row of chats) {
    const group = groupOf(row.key);
    if (row.name) group.name = row.name;
    group.chats.set(row.bucket ?? TOTAL, chatFiguresOf(row));
  }
  for (const row of messages) {
    const group = groupOf(row.key);
    group.messages.set(row.bucket, { messagesIn: row.messages_in, messagesOut: row.messages_out, failed: row.failed });
    const total = group.messages.get(TOTAL) ?? { messagesIn: 0, messagesOut: 0, failed: 0 };
    group.messages.set(TOTAL, {
      messagesIn: total.messagesIn + row.messages_in,
      messagesOut: total.messagesOut + row.messages_out,
      failed: total.failed + row.failed,
    });
  }
  for (const row of failed) groupOf(row.key).failedByReason.push({ code: row.code, title: row.title ?? 'unknown', count: row.count });
  if (query.by === 'overall') groupOf('all');

  const unnamed = [...groups.values()].flatMap((g) => (!g.name && g.key !== null && g.key !== 'all' ? [g.key] : []));
  const names = await groupNames(deps.db, query.by, unnamed);
  for (const group of groups.values()) {
    if (group.name) continue;
    group.name = group.key === null || group.key === 'all' ? UNNAMED[query.by] : (names.get(group.key) ?? group.key);
  }
  return buildReport(range, [...groups.values()]);
}
