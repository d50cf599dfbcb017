import { sql, type Kysely } from 'kysely';

// The relay used to find what it may send by checking, for every unrelayed row on every run, that no earlier
// send of the same conversation was still open: the cost grew with the rows waiting. Now a row carries
// `ready`: set when it is written with nothing open before it (or is a download, outside the order), and
// set on the next open row when a row completes. The relay reads ready rows by index only. A row a
// concurrent writer left unready (its check ran before the completion committed) is made ready by the
// relay's periodic check of the unready rows, which are only those queued behind an open message.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('ready', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`
    update outbox o set ready = true
    where o.completed_at is null and (o.kind = 'download_media' or not exists (
      select 1 from outbox e
      where e.conversation_id = o.conversation_id and e.seq < o.seq and e.kind <> 'download_media' and e.completed_at is null))`.execute(
    db,
  );
  await sql`drop index if exists outbox_unrelayed`.execute(db);
  await sql`create index outbox_ready_unrelayed on outbox (seq) where ready and relayed_at is null`.execute(db);
  await sql`create index outbox_waiting on outbox (seq) where not ready and completed_at is null`.execute(db);
  // What is still open, of any kind (the metrics' summary, the stale re-queue), without reading the history.
  await sql`create index outbox_open on outbox (seq) where completed_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists outbox_open`.execute(db);
  await sql`drop index if exists outbox_waiting`.execute(db);
  await sql`drop index if exists outbox_ready_unrelayed`.execute(db);
  await sql`create index outbox_unrelayed on outbox (seq) where relayed_at is null`.execute(db);
  await db.schema.alterTable('outbox').dropColumn('ready').execute();
}
