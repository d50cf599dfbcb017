import { sql, type Kysely } from 'kysely';

// Events the engine gave up on after bounded retries (or could not read at all), kept for admins so that
// one poison event never holds back its partition. Parking the same stream message twice (a crash between
// the insert and the term) finds the first row: unique per (source, subject, stream_seq). Outbox rows have
// no stream seq; they are parked in the same transaction that marks the row failed, so they cannot double.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('parked_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('inbound', 'delivery', 'outbox')`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('stream_seq', 'bigint')
    .addColumn('phone_number', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('error', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('parked')
        .check(sql`status in ('parked', 'retried', 'discarded')`),
    )
    .addColumn('parked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'text')
    .addUniqueConstraint('parked_events_stream_message', ['source', 'subject', 'stream_seq'])
    .execute();
  await db.schema.createIndex('parked_events_by_status').on('parked_events').columns(['status', 'parked_at desc', 'id desc']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('parked_events').ifExists().execute();
}
