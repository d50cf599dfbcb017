// Baseline consumer: pulls from the durable consumer in batches and, for each message, runs one Postgres
// transaction (message + outbox row, deduplicated on wamid), acking after the commit. Up to
// BASELINE_CONSUMER_CONCURRENCY transactions in flight; no per-student ordering (the baseline has no bot).
import pg from 'pg';
import { jetstream, type JsMsg } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { baselineEnv, logFailure, onShutdown, ready } from './env';

const env = baselineEnv();
const pool = new pg.Pool({ connectionString: env.databaseUrl, max: env.consumerConcurrency, options: `-c search_path=${env.schema}` });
const nc = await connect({ servers: env.natsUrl });
const js = jetstream(nc);
const consumer = await js.consumers.get(env.stream, env.consumer);

async function handle(msg: JsMsg): Promise<void> {
  const event = JSON.parse(msg.string()) as { wamid: string; from: string; text: string };
  const client = await pool.connect();
  try {
    await client.query('begin');
    const inserted = await client.query<{ id: string }>(
      'insert into messages (wamid, phone, body) values ($1, $2, $3) on conflict (wamid) do nothing returning id',
      [event.wamid, event.from, event.text],
    );
    const id = inserted.rows[0]?.id;
    if (id !== undefined)
      await client.query('insert into outbox (message_id, to_phone, ref) values ($1, $2, $3)', [id, event.from, event.wamid]);
    await client.query('commit');
    msg.ack();
  } catch (error) {
    logFailure('transaction failed', error);
    await client.query('rollback').catch(() => undefined);
    msg.nak(500);
  } finally {
    client.release();
  }
}

let inFlight = 0;
let freed: (() => void) | undefined;
const messages = await consumer.consume({ max_messages: 256 });
ready('consumer');
onShutdown(async () => {
  messages.stop();
  await nc.drain();
  await pool.end();
});
for await (const msg of messages) {
  while (inFlight >= env.consumerConcurrency) await new Promise<void>((resolve) => (freed = resolve));
  inFlight++;
  void handle(msg).finally(() => {
    inFlight--;
    freed?.();
    freed = undefined;
  });
}
