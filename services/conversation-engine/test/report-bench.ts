// Measures the support report over a year of data: `npx tsx services/conversation-engine/test/report-bench.ts`
// (DATABASE_URL or the test default). In a scratch schema of its own, dropped at the end: 5,000 students,
// 20,000 support chats and 1,000,000 messages spread over 2025, made with generate_series; then each report
// of the whole year is run 5 times (median and worst printed) and its queries are shown with EXPLAIN ANALYZE.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createDb, dropSchema, migrateToLatest } from '@app/db';
import { testInfra } from '@app/testing';
import type { EngineDatabase } from '../src/db/database';
import { migrations } from '../src/db/migrations';
import { supportReport } from '../src/use-cases/reports/support-report';

/** A tool talking to a person on a terminal (not a service log). */
const print = (line: string) => void process.stdout.write(`${line}\n`);
const MESSAGES = Number(process.env.REPORT_BENCH_MESSAGES ?? 1_000_000);
// REPORT_BENCH_SCHEMA names a schema a kept earlier run seeded (REPORT_BENCH_KEEP=1): measured again, not seeded.
const reused = process.env.REPORT_BENCH_SCHEMA;
const schema = reused ?? `report_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const migrator = createDb<EngineDatabase>({ url: testInfra.databaseUrl, schema, max: 1, statementTimeoutMs: 0 });
const pool = new pg.Pool({ connectionString: testInfra.databaseUrl, max: 4, options: `-c search_path=${schema}` });
const captured: { sql: string; parameters: readonly unknown[] }[] = [];
const db = new Kysely<EngineDatabase>({
  dialect: new PostgresDialect({ pool }),
  log: (e) => void (e.level === 'query' && captured.push({ sql: e.query.sql, parameters: e.query.parameters })),
});

async function seed() {
  await migrateToLatest(migrator, schema, migrations);
  const run = (query: ReturnType<typeof sql>) => query.execute(migrator);
  const started = Date.now();
  await run(sql`insert into office_hours (id, enabled, time_zone, weekly) values (1, true, 'Africa/Lagos', '{}')`);
  await run(
    sql`insert into conversations (phone_number, bot_state) select (2348000000000 + g)::text, '{"step":"menu"}' from generate_series(1, 5000) g`,
  );
  await run(
    sql`insert into labels (id, name, colour, created_by) select gen_random_uuid(), 'Label ' || g, '#336699', 'bench' from generate_series(1, 10) g`,
  );
  await run(sql`
    insert into conversation_labels (conversation_id, label_id, added_by)
    select c.id, l.id, 'bench' from (select id, row_number() over (order by id) n from conversations) c
    join (select id, row_number() over (order by id) n from labels) l on l.n = 1 + c.n % 10 or (c.n % 2 = 0 and l.n = 1 + (c.n + 3) % 10)`);
  await run(sql`
    insert into support_chats (conversation_id, status, requested_at, requested_by, assigned_admin_id, assigned_admin_name, claimed_at, first_response_at, ended_at, ended_by, end_reason, arrived_outside_hours)
    select c.id, 'ended', t, 'student',
      case when g % 10 <> 0 then 'agent-' || (g % 20) end, case when g % 10 <> 0 then 'Agent ' || (g % 20) end,
      case when g % 10 <> 0 then t + (g % 600) * interval '1 second' end,
      case when g % 10 <> 0 then t + (g % 600 + g % 240) * interval '1 second' end,
      t + (900 + g % 3600) * interval '1 second', 'agent', 'agent', g % 4 = 0
    from generate_series(1, 20000) g
    cross join lateral (select timestamptz '2025-01-01' + (g * 1577.0) * interval '1 second' as t) tt
    join (select id, row_number() over (order by id) n from conversations) c on c.n = 1 + g % 5000`);
  await run(sql`
    insert into support_chat_csat (chat_id, conversation_id, asked_at, rating, rated_at)
    select id, conversation_id, ended_at, 1 + (seq % 5), ended_at from support_chats where assigned_admin_id is not null and seq % 3 = 0`);
  await run(sql`
    insert into messages (id, conversation_id, direction, author, type, text, content, status, error, agent_id, agent_name, created_at)
    select gen_random_uuid(), c.id,
      case when g % 2 = 0 then 'inbound' else 'outbound' end,
      case when g % 2 = 0 then 'student' when g % 6 = 1 then 'agent' else 'bot' end,
      case when g % 97 = 1 then 'note' else 'text' end, 'x', '{}',
      case when g % 2 = 0 then 'received' when g % 101 = 1 then 'failed' else 'delivered' end,
      case when g % 2 = 1 and g % 101 = 1 then jsonb_build_object('code', case when g % 3 = 0 then 131047 else 131026 end, 'title', 'failure') end,
      case when g % 6 = 1 then 'agent-' || (g % 20) end, case when g % 6 = 1 then 'Agent ' || (g % 20) end,
      timestamptz '2025-01-01' + (g * (31536000.0 / ${MESSAGES})) * interval '1 second'
    from generate_series(1, ${MESSAGES}) g
    join (select id, row_number() over (order by id) n from conversations) c on c.n = 1 + g % 5000`);
  await run(sql`vacuum analyze`);
  print(`seeded ${MESSAGES} messages in ${((Date.now() - started) / 1000).toFixed(1)} s (schema ${schema})`);
}

/**
 * The CPU time Postgres spends on the report's queries, run one after another on one backend without
 * parallel workers (read from /proc: the database runs on this machine). Unlike wall time it does not grow
 * with what else the machine is running: it is what the report costs on an idle core.
 */
async function backendCpu(queries: { sql: string; parameters: readonly unknown[] }[]): Promise<{ cpuMs: number; wallMs: number }> {
  const client = await pool.connect();
  try {
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    const ticks = () => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]);
    };
    await client.query(`set work_mem = '32MB'; set jit = off; set max_parallel_workers_per_gather = 0`);
    const before = ticks();
    const start = performance.now();
    for (const q of queries) await client.query(q.sql, [...q.parameters]);
    const wallMs = Math.round(performance.now() - start);
    return { cpuMs: (ticks() - before) * 10, wallMs };
  } finally {
    await client.query('reset all').catch(() => undefined);
    client.release();
  }
}

async function measure(label: string, query: Parameters<typeof supportReport>[1]) {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    captured.length = 0;
    const start = performance.now();
    await supportReport({ db }, query);
    if (i > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const queries = captured.filter((c) => /grouping sets|group by 1, 2, 3|from \(/.test(c.sql));
  const cpu = await backendCpu(queries);
  print(
    `${label}: median ${times[2]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms wall; ${cpu.cpuMs} ms of Postgres CPU one after another on one core (${cpu.wallMs} ms wall)`,
  );
  for (const q of queries) {
    // As the report runs it: with its transaction's work_mem, without JIT.
    const client = await pool.connect();
    await client.query(`set work_mem = '32MB'; set jit = off`);
    const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.sql}`, [...q.parameters]);
    await client.query('reset work_mem; reset jit');
    client.release();
    const lines = plan.rows.map((r) => r['QUERY PLAN']);
    print(
      `  ${lines
        .filter((l) => /Scan|Batches|Execution Time/.test(l))
        .map((l) => l.trim())
        .join('\n  ')}`,
    );
  }
}

try {
  if (!reused) await seed();
  const year = { from: '2025-01-01', to: '2025-12-31' } as const;
  await measure('overall by day, 2025', { ...year, bucket: 'day', by: 'overall' });
  await measure('overall by week, 2025', { ...year, bucket: 'week', by: 'overall' });
  await measure('per agent by week, 2025', { ...year, bucket: 'week', by: 'agent' });
  await measure('per label by week, 2025', { ...year, bucket: 'week', by: 'label' });
} finally {
  await db.destroy();
  // REPORT_BENCH_KEEP=1 leaves the schema for trying queries by hand (drop it afterwards).
  if (process.env.REPORT_BENCH_KEEP !== '1' && !reused) await dropSchema(migrator, schema);
  await migrator.destroy();
}
