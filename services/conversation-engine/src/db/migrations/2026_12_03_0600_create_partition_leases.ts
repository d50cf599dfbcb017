import { sql, type Kysely } from 'kysely';

// Which engine replica consumes which inbound partition. A partition's consumer hands out a whole batch at
// once (max_ack_pending > 1), so two replicas pulling from it could each hold part of one student's
// messages: only the replica holding a partition's lease pulls from it, and every batch transaction checks
// the lease (locking its row FOR KEY SHARE, which a takeover's FOR UPDATE waits for) before it writes.
// engine_replicas is each replica's heartbeat: the number alive sets each one's fair share of partitions.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partition_leases')
    .addColumn('partition', 'integer', (c) => c.primaryKey())
    .addColumn('owner', 'text')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('engine_replicas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('engine_replicas').ifExists().execute();
  await db.schema.dropTable('partition_leases').ifExists().execute();
}
