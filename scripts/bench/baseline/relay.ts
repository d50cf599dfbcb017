// Baseline relay: moves outbox rows to BullMQ (jobId = row id, so a repeat adds nothing), marking them
// relayed in the same transaction that locked them. Polls every 5 ms when idle.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { baselineEnv, logFailure, onShutdown, ready } from './env';

const env = baselineEnv();
const client = new pg.Client({ connectionString: env.databaseUrl, options: `-c search_path=${env.schema}` });
await client.connect();
const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
const queue = new Queue(env.queue, { connection: redis });
let running = true;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function relayOnce(): Promise<number> {
  await client.query('begin');
  try {
    const { rows } = await client.query<{ id: string; to_phone: string; ref: string }>(
      'select id, to_phone, ref from outbox where relayed_at is null order by id limit 500 for update skip locked',
    );
    if (rows.length > 0) {
      await queue.addBulk(
        rows.map((r) => ({
          name: 'send',
          data: { to: r.to_phone, ref: r.ref },
          opts: {
            jobId: `outbox-${r.id}`,
            removeOnComplete: true,
            removeOnFail: 1000,
            attempts: 5,
            backoff: { type: 'exponential', delay: 200 },
          },
        })),
      );
      await client.query('update outbox set relayed_at = now() where id = any($1::bigint[])', [rows.map((r) => r.id)]);
    }
    await client.query('commit');
    return rows.length;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

ready('relay');
const loop = (async () => {
  while (running) {
    const moved = await relayOnce().catch((error: unknown) => {
      logFailure('relay failed', error);
      return 0;
    });
    if (moved < 500) await sleep(5);
  }
})();
onShutdown(async () => {
  running = false;
  await loop;
  await queue.close();
  redis.disconnect();
  await client.end();
});
