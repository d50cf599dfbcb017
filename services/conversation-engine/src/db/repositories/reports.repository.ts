import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { ReportBucket, ReportGrouping } from '@app/contracts';
import type { EngineDatabase } from '../database';

// The support reports (issue 15), computed in Postgres over indexed columns: chats by their request time
// (support_chats_by_requested_at), messages by their creation time (messages_report_by_created_at, an
// index-only scan), failed sends from their partial index. One row per (group, bucket) plus one per group
// for the whole range (GROUPING SETS), so medians and percentiles of a range are true ones, not averages of
// buckets. Buckets are days or ISO weeks in the school's time zone.

export interface ReportRange {
  from: string;
  to: string;
  bucket: ReportBucket;
  by: ReportGrouping;
  timeZone: string;
}

/** A figure row: `bucket` null is the group's whole range. Numbers as Postgres returns them (text for numeric). */
export interface ChatFiguresRow {
  key: string | null;
  name: string | null;
  bucket: string | null;
  chats: number;
  chats_ended: number;
  waiting_median: number | null;
  waiting_p90: number | null;
  first_response_median: number | null;
  first_response_p90: number | null;
  resolution_median: number | null;
  resolution_p90: number | null;
  csat_responses: number;
  csat_average: string | null;
  csat_1: number;
  csat_2: number;
  csat_3: number;
  csat_4: number;
  csat_5: number;
  outside_hours: number;
}

export interface MessageFiguresRow {
  key: string | null;
  bucket: string;
  messages_in: number;
  messages_out: number;
  failed: number;
}

export interface FailedReasonRow {
  key: string | null;
  code: number | null;
  title: string | null;
  count: number;
}

const bounds = (r: ReportRange) => ({
  from: sql`((${r.from}::date)::timestamp at time zone ${r.timeZone})`,
  to: sql`((${r.to}::date + 1)::timestamp at time zone ${r.timeZone})`,
});
const bucketOf = (r: ReportRange, column: RawBuilder<unknown>) =>
  sql`to_char(date_trunc(${r.bucket}, ${column} at time zone ${r.timeZone}), 'YYYY-MM-DD')`;

/**
 * Runs one report query in a read-only transaction with room to aggregate in memory (a year's chats, their
 * medians sorted in memory; a hash aggregate that spills to disk is several times slower), without JIT. Local
 * to the transaction, so the pool's other work is unaffected.
 */
export function inReportTransaction<T>(db: Kysely<EngineDatabase>, run: (trx: Transaction<EngineDatabase>) => Promise<T>): Promise<T> {
  return db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      // JIT compiling these plans costs more than it saves: it is triggered by estimates of a million groups
      // (the planner cannot tell that a year has only 53 weeks), and a one-pass count gains little from it.
      await sql`set local work_mem = '32MB'`.execute(trx);
      await sql`set local jit = off`.execute(trx);
      return run(trx);
    });
}

/** The school's time zone: office hours' (UTC when none is set). */
export async function reportTimeZone(db: Kysely<EngineDatabase>): Promise<string> {
  const row = await db.selectFrom('office_hours').select('time_zone').where('id', '=', 1).executeTakeFirst();
  return row?.time_zone ?? 'UTC';
}

export async function chatFigures(db: Kysely<EngineDatabase>, r: ReportRange): Promise<ChatFiguresRow[]> {
  const { from, to } = bounds(r);
  const group = {
    overall: { key: sql`'all'`, name: sql`null::text`, join: sql`` },
    agent: { key: sql`sc.assigned_admin_id`, name: sql`sc.assigned_admin_name`, join: sql`` },
    label: {
      key: sql`cl.label_id::text`,
      name: sql`l.name`,
      join: sql`left join conversation_labels cl on cl.conversation_id = sc.conversation_id left join labels l on l.id = cl.label_id`,
    },
  }[r.by];
  const p = (fraction: number, column: string) => sql`percentile_cont(${sql.lit(fraction)}) within group (order by ${sql.ref(column)})`;
  const result = await sql<ChatFiguresRow>`
    with c as (
      select ${group.key} as key, ${group.name} as name, ${bucketOf(r, sql`sc.requested_at`)} as bucket,
        case when sc.requested_by = 'student' then sc.waited_seconds end as waited,
        extract(epoch from (sc.first_response_at - sc.claimed_at))::float8 as first_response,
        sc.duration_seconds as resolution, sc.status, sc.arrived_outside_hours, r.rating
      from support_chats sc
      ${group.join}
      left join support_chat_csat r on r.chat_id = sc.id
      where sc.requested_at >= ${from} and sc.requested_at < ${to}
    )
    select key, max(name) as name, case when grouping(bucket) = 1 then null else bucket end as bucket,
      count(*)::int as chats,
      count(*) filter (where status = 'ended')::int as chats_ended,
      ${p(0.5, 'waited')} as waiting_median, ${p(0.9, 'waited')} as waiting_p90,
      ${p(0.5, 'first_response')} as first_response_median, ${p(0.9, 'first_response')} as first_response_p90,
      ${p(0.5, 'resolution')} as resolution_median, ${p(0.9, 'resolution')} as resolution_p90,
      count(rating)::int as csat_responses, avg(rating)::text as csat_average,
      count(*) filter (where rating = 1)::int as csat_1, count(*) filter (where rating = 2)::int as csat_2,
      count(*) filter (where rating = 3)::int as csat_3, count(*) filter (where rating = 4)::int as csat_4,
      count(*) filter (where rating = 5)::int as csat_5,
      count(*) filter (where arrived_outside_hours)::int as outside_hours
    from c
    group by grouping sets ((key, bucket), (key))`.execute(db);
  return result.rows;
}

/** Each labelled conversation's set of labels, numbered: equal sets, equal numbers. */
const labelSets = sql`
  select conversation_id, labels, dense_rank() over (order by labels)::int as set_no
  from (select conversation_id, array_agg(label_id order by label_id) as labels from conversation_labels group by 1) c`;

/**
 * Messages in, out and failed per group and bucket, in one pass over the range's messages with nothing but
 * comparisons per row: the buckets' first instants (the school's midnights, computed once per bucket, not per
 * message) are an array, and `width_bucket` finds a message's bucket by binary search in it, so each row goes
 * straight into one of a few hundred (group, bucket) counters. Counts add up, so the range's totals are the
 * buckets' sums (made by the caller).
 */
export async function messageFigures(db: Kysely<EngineDatabase>, r: ReportRange): Promise<MessageFiguresRow[]> {
  const { from, to } = bounds(r);
  const inRange = sql`m.created_at >= ${from} and m.created_at < ${to}`;
  const b = sql`width_bucket(m.created_at, (select edges from e))`;
  const inbound = sql`m.direction = 'inbound' and m.author = 'student'`;
  const outbound = sql`m.direction = 'outbound' and m.type <> 'note'`;
  const counts = sql`count(*) filter (where ${inbound}) as i, count(*) filter (where ${outbound}) as o, count(*) filter (where ${outbound} and m.status = 'failed') as f`;
  const rows = {
    overall: sql`select 'all' as key, ${b} as b, ${counts} from messages m where ${inRange} group by 2`,
    // An agent's messages out are the ones they wrote; their messages in, the students' during the chats they held.
    agent: sql`
      select m.agent_id as key, ${b} as b, 0 as i, count(*) as o, count(*) filter (where m.status = 'failed') as f
      from messages m where ${inRange} and ${outbound} and m.author = 'agent' group by 1, 2
      union all
      select sc.assigned_admin_id, ${b}, count(*), 0, 0
      from messages m join support_chats sc on sc.conversation_id = m.conversation_id
        and m.created_at >= sc.requested_at and m.created_at < coalesce(sc.ended_at, 'infinity')
      where ${inRange} and ${inbound} and sc.assigned_admin_id is not null group by 1, 2`,
    // Joining labels to messages would repeat each message once per label of its conversation: messages are
    // counted per set of labels instead (a school has few distinct sets; each numbered, so a message costs one
    // lookup of an integer), and only those counts are spread over the set's labels. A conversation without
    // labels counts under null. The sets are numbered in a subquery grouped by conversation (written twice,
    // not a CTE): the planner then knows it is small and unique, and hashes it rather than the messages. The
    // counts are a materialized CTE so that they are planned on their own, as a hash aggregate: joined to the
    // sets' labels in the same plan, they were sorted (a million rows, on disk) to feed a merge join.
    label: sql`
      with per_set as materialized (
        select s.set_no, ${b} as b, ${counts}
        from messages m left join (select conversation_id, max(set_no) as set_no from (${labelSets}) n group by 1) s on s.conversation_id = m.conversation_id
        where ${inRange} group by 1, 2
      )
      select key, b, i, o, f from per_set
      left join (select distinct set_no, labels from (${labelSets}) n) l on l.set_no = per_set.set_no,
      unnest(coalesce(l.labels, array[null::uuid])) key`,
  }[r.by];
  const step = r.bucket === 'week' ? sql`interval '1 week'` : sql`interval '1 day'`;
  const result = await sql<MessageFiguresRow>`
    with e as (
      select array_agg(s at time zone ${r.timeZone} order by s) as edges, array_agg(to_char(s, 'YYYY-MM-DD') order by s) as names
      from generate_series(date_trunc(${r.bucket}, ${r.from}::date::timestamp), ${r.to}::date::timestamp, ${step}) s
    )
    select key::text as key, e.names[b] as bucket, sum(i)::int as messages_in, sum(o)::int as messages_out, sum(f)::int as failed
    from (${rows}) x, e group by 1, 2`.execute(db);
  return result.rows;
}

/** Failed sends of the whole range by error code and title, per group. */
export async function failedReasons(db: Kysely<EngineDatabase>, r: ReportRange): Promise<FailedReasonRow[]> {
  const { from, to } = bounds(r);
  const group = {
    overall: { key: sql`'all'`, join: sql`` },
    agent: { key: sql`m.agent_id`, join: sql`` },
    label: { key: sql`cl.label_id::text`, join: sql`left join conversation_labels cl on cl.conversation_id = m.conversation_id` },
  }[r.by];
  const result = await sql<FailedReasonRow>`
    select ${group.key} as key, case when m.error->>'code' ~ '^-?[0-9]{1,9}$' then (m.error->>'code')::int end as code, m.error->>'title' as title, count(*)::int as count
    from messages m ${group.join}
    where m.status = 'failed' and m.created_at >= ${from} and m.created_at < ${to}
    group by 1, 2, 3
    order by 4 desc, 2`.execute(db);
  return result.rows;
}

/** Display names of groups the chats did not name (an agent who only wrote, a label on no chat). */
export async function groupNames(db: Kysely<EngineDatabase>, by: ReportGrouping, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0 || by === 'overall') return new Map();
  const rows =
    by === 'agent'
      ? await db
          .selectFrom('agents')
          .select(['id', 'name'])
          .where('id', 'in', [...keys])
          .execute()
      : await db
          .selectFrom('labels')
          .select(['id', 'name'])
          .where(sql<boolean>`id::text in (${sql.join([...keys])})`)
          .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
