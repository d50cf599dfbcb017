import { sql, type Kysely, type Transaction } from 'kysely';
import { PREPARED } from '@app/db';
import type { EngineDatabase } from '../database';

type Db = Kysely<EngineDatabase> | Transaction<EngineDatabase>;

/** One row per partition, unowned; safe to run from every replica at every start. */
export async function seedPartitionLeases(db: Db, partitions: number): Promise<void> {
  await sql`insert into partition_leases (partition) select generate_series(0, ${partitions - 1}) on conflict do nothing`.execute(db);
}

/**
 * One heartbeat of a replica: it says it is alive, renews the leases it holds, and learns how many replicas
 * are alive (itself included) to size its fair share. Time is the database's, so replicas' clocks do not
 * matter. Replicas silent for long are forgotten.
 */
export async function heartbeat(db: Db, owner: string, ttlMs: number): Promise<{ held: number[]; alive: number }> {
  return db.transaction().execute(async (trx) => {
    const ttl = sql`make_interval(secs => ${ttlMs / 1000})`;
    await sql`insert into engine_replicas (id, seen_at) values (${owner}, now()) on conflict (id) do update set seen_at = now()`.execute(
      trx,
    );
    await sql`delete from engine_replicas where seen_at < now() - ${ttl} * 6`.execute(trx);
    const alive = await sql<{ n: number }>`select count(*)::int as n from engine_replicas where seen_at > now() - ${ttl}`.execute(trx);
    const held = await sql<{ partition: number }>`
      update partition_leases set expires_at = now() + ${ttl}
      where owner = ${owner} and expires_at > now() returning partition`.execute(trx);
    return { held: held.rows.map((r) => r.partition).sort((a, b) => a - b), alive: Math.max(1, alive.rows[0]?.n ?? 1) };
  });
}

/**
 * Takes up to `count` partitions that nobody holds (never held, released, or whose holder stopped renewing).
 * FOR UPDATE SKIP LOCKED passes over a lease that its holder's batch has locked (FOR KEY SHARE, see
 * fenceBatch) and takes it later, once that batch ended: a takeover never overlaps a batch.
 */
export async function claimPartitions(
  db: Db,
  owner: string,
  count: number,
  ttlMs: number,
): Promise<{ partition: number; expired: boolean }[]> {
  if (count <= 0) return [];
  const result = await sql<{ partition: number; expired: boolean }>`
    with free as (
      select partition, owner is not null as expired from partition_leases
      where owner is null or expires_at <= now()
      order by partition limit ${count} for update skip locked)
    update partition_leases l set owner = ${owner}, expires_at = now() + make_interval(secs => ${ttlMs / 1000})
    from free where l.partition = free.partition
    returning l.partition, free.expired`.execute(db);
  return result.rows;
}

/** Gives partitions back (after their consumers stopped): another replica may take them at once. */
export async function releasePartitions(db: Db, owner: string, partitions: number[]): Promise<void> {
  if (partitions.length === 0) return;
  await db.updateTable('partition_leases').set({ owner: null }).where('owner', '=', owner).where('partition', 'in', partitions).execute();
}

export async function forgetReplica(db: Db, owner: string): Promise<void> {
  await db.deleteFrom('engine_replicas').where('id', '=', owner).execute();
}

/**
 * The fence of a batch, in its first statement: which of these partitions `owner` still holds, and the bot
 * content's version. The lease rows are locked FOR KEY SHARE until commit: that lets the holder's own
 * renewals through (they change no key), while a takeover, which locks a row FOR UPDATE, waits for the batch
 * to end; and a batch that waited for a takeover reads the row as the takeover left it.
 */
export async function fenceBatch(
  trx: Transaction<EngineDatabase>,
  partitions: readonly number[],
  owner: string,
): Promise<{ held: Set<number>; contentVersion: number }> {
  const result = await sql<{ held: number[]; version: number | null }>`${PREPARED}
    select (select coalesce(array_agg(partition), '{}') from (
        select partition from partition_leases
        where partition = any(${sql.val([...partitions])}::int[]) and owner = ${owner} and expires_at > now()
        order by partition for key share) as lease) as held,
      (select version from bot_content_version where id = 1) as version`.execute(trx);
  const row = result.rows[0];
  return { held: new Set(row?.held ?? []), contentVersion: Number(row?.version ?? 0) };
}

/** The replica whose lease on the partition is current, if any (by the database's clock). */
export async function currentLeaseHolder(db: Db, partition: number): Promise<string | null> {
  const lease = await db
    .selectFrom('partition_leases')
    .select('owner')
    .where('partition', '=', partition)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return lease?.owner ?? null;
}
