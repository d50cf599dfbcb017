import { beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from '@app/db';
import type { EngineDatabase } from '../src/db/database';
import { migrations } from '../src/db/migrations';
import { pruneDedupe } from '../src/use-cases/retention/prune-dedupe';
import { useEngineSchema } from './engine-schema';

const NOW = new Date('2026-12-03T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

describe('pruning the dedupe tables and resolved parked events', () => {
  const engine = useEngineSchema(migrations);
  let db: Kysely<EngineDatabase>;
  beforeEach(() => {
    db = engine.db;
  });

  async function seed(prefix: string, count: number, at: Date) {
    await sql`insert into inbound_dedupe (event_id, processed_at) select ${prefix} || g, ${at} from generate_series(1, ${count}) g`.execute(
      db,
    );
    await sql`insert into pending_statuses (wamid, status, received_at) select ${prefix} || g, 'delivered', ${at} from generate_series(1, ${count}) g`.execute(
      db,
    );
  }
  const ids = async (table: 'inbound_dedupe' | 'pending_statuses') => {
    const column = table === 'inbound_dedupe' ? 'event_id' : 'wamid';
    const rows = await sql<{ id: string }>`select ${sql.ref(column)} as id from ${sql.table(table)} order by 1`.execute(db);
    return rows.rows.map((r) => r.id);
  };

  it('deletes the rows older than the horizon, in several batches, and keeps the younger ones', async () => {
    await seed('old-', 23, daysAgo(31));
    await seed('young-', 3, daysAgo(29));
    const parked = (id: string, status: string, resolvedAt: Date | null) =>
      sql`insert into parked_events (id, source, subject, payload, error, attempts, status, resolved_at)
          values (${id}::uuid, 'inbound', 's', '{}', 'e', 1, ${status}, ${resolvedAt})`.execute(db);
    await parked('00000000-0000-4000-8000-000000000001', 'discarded', daysAgo(31));
    await parked('00000000-0000-4000-8000-000000000002', 'retried', daysAgo(29));
    await parked('00000000-0000-4000-8000-000000000003', 'parked', null);

    const deleted = await pruneDedupe({ db, now: () => NOW, retentionDays: 30 }, 5);

    expect(deleted).toEqual({ inbound_dedupe: 23, pending_statuses: 23, parked_events: 1 });
    expect(await ids('inbound_dedupe')).toEqual(['young-1', 'young-2', 'young-3']);
    expect(await ids('pending_statuses')).toEqual(['young-1', 'young-2', 'young-3']);
    const left = await sql<{ id: string }>`select id from parked_events order by id`.execute(db);
    expect(left.rows.map((r) => r.id.at(-1))).toEqual(['2', '3']);
    expect(await pruneDedupe({ db, now: () => NOW, retentionDays: 30 }, 5)).toEqual({
      inbound_dedupe: 0,
      pending_statuses: 0,
      parked_events: 0,
    });
  });

  it('uses an index on the timestamp to find what to delete', async () => {
    await sql`set enable_seqscan = off`.execute(db);
    for (const [table, column] of [
      ['inbound_dedupe', 'processed_at'],
      ['pending_statuses', 'received_at'],
    ] as const) {
      const plan = await sql<{
        'QUERY PLAN': string;
      }>`explain select ctid from ${sql.table(table)} where ${sql.ref(column)} < ${NOW} order by ${sql.ref(column)} limit 5000`.execute(db);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain(`${table}_${column}`);
    }
  });
});
