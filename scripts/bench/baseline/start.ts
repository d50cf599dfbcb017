// Starts the baseline as four processes (gateway, consumer, relay, worker) in the bench's namespace: its own
// stream, durable consumer, queue and schema `<ns>_baseline`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { AckPolicy, DeliverPolicy, jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { connect, nanos } from '@nats-io/transport-node';
import { freePort, waitForReady } from '@app/runtime';
import { startChild, tail, type Child } from '../children';
import { baselineNames, infra, schemas } from '../infra';
import { checkInboundOrder, kOf, newFindings } from '../order';
import { ACCESS_TOKEN, API_VERSION, APP_SECRET, PHONE_NUMBER_ID, type SystemUnderTest } from '../system';

const ROLES = ['gateway', 'consumer', 'relay', 'worker'] as const;

async function createTopology(namespace: string): Promise<void> {
  const names = baselineNames(namespace);
  const schema = schemas(namespace).baseline;
  const client = new pg.Client({ connectionString: infra.databaseUrl });
  await client.connect();
  try {
    await client.query(`create schema "${schema}"`);
    await client.query(
      `create table "${schema}".messages (id bigserial primary key, wamid text not null unique, phone text not null, body text not null, created_at timestamptz not null default now())`,
    );
    await client.query(
      `create table "${schema}".outbox (id bigserial primary key, message_id bigint not null references "${schema}".messages (id), to_phone text not null, ref text not null, created_at timestamptz not null default now(), relayed_at timestamptz)`,
    );
    await client.query(`create index outbox_unrelayed on "${schema}".outbox (id) where relayed_at is null`);
  } finally {
    await client.end();
  }
  const nc = await connect({ servers: infra.natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    // The same stream settings as the product's INBOUND (file storage, limits, a two-minute dedupe window).
    await jsm.streams.add({
      name: names.stream,
      subjects: [names.subject],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_age: nanos(24 * 3600_000),
      duplicate_window: nanos(120_000),
    });
    await jsm.consumers.add(names.stream, {
      durable_name: names.consumer,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(30_000),
      max_ack_pending: 1024,
      max_deliver: -1,
    });
  } finally {
    await nc.close();
  }
}

async function waitForLine(child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.alive()) break;
    if (existsSync(child.logFile) && readFileSync(child.logFile, 'utf8').includes('ready:')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`baseline ${child.name} did not get ready:\n${tail(child.logFile)}`);
}

export async function startBaseline(opts: {
  root: string;
  buildDir: string;
  logDir: string;
  namespace: string;
  fakeUrl: string;
}): Promise<SystemUnderTest> {
  await createTopology(opts.namespace);
  const names = baselineNames(opts.namespace);
  const schema = schemas(opts.namespace).baseline;
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    BASELINE_PORT: String(port),
    NATS_URL: infra.natsUrl,
    DATABASE_URL: infra.databaseUrl,
    REDIS_URL: infra.redisUrl,
    BASELINE_STREAM: names.stream,
    BASELINE_SUBJECT: names.subject,
    BASELINE_CONSUMER: names.consumer,
    BASELINE_QUEUE: names.queue,
    BASELINE_SCHEMA: schema,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN,
    CLOUD_API_MESSAGES_URL: `${opts.fakeUrl}/${API_VERSION}/${PHONE_NUMBER_ID}/messages`,
  };
  const children = ROLES.map((role) =>
    startChild({
      name: `baseline-${role}`,
      role,
      args: [path.join(opts.buildDir, 'bench', 'baseline', `${role}.mjs`)],
      env,
      cwd: opts.root,
      logDir: opts.logDir,
    }),
  );
  await Promise.all(children.map((c) => waitForLine(c, 20_000)));
  await waitForReady(`http://127.0.0.1:${port}`, 10_000);

  const db = new pg.Client({ connectionString: infra.databaseUrl });
  await db.connect();
  // Outbound order is read from the fake's log (each send names its inbound wamid): per phone, where the
  // previous step's check stopped and the last k seen.
  const outboundChecked = new Map<string, { index: number; k: number }>();
  return {
    kind: 'baseline',
    gatewayUrls: [`http://127.0.0.1:${port}`],
    webhookPath: '/api/webhook/whatsapp',
    serviceGroups: Object.fromEntries(children.map((c) => [c.role, () => [c.pid]])),
    async maxSeq() {
      const { rows } = await db.query<{ max: string | null }>(`select max(id)::text as max from "${schema}".messages`);
      return Number(rows[0]?.max ?? 0);
    },
    async storedPerSecond(phones, sinceSeq) {
      const { rows } = await db.query<{ s: string; n: string }>(
        `select floor(extract(epoch from created_at))::text as s, count(*)::text as n from "${schema}".messages where phone = any($1) and id > $2 group by 1`,
        [phones, sinceSeq],
      );
      return new Map(rows.map((r) => [Number(r.s), Number(r.n)]));
    },
    async checkOrder(phones, sinceSeq, ledger) {
      const { rows } = await db.query<{ phone: string; wamid: string; id: string }>(
        `select phone, wamid, id::text as id from "${schema}".messages where phone = any($1) and id > $2 order by messages.id`,
        [phones, sinceSeq],
      );
      const findings = newFindings();
      checkInboundOrder(
        rows.map((r) => ({ phone: r.phone, k: kOf(r.wamid), seq: r.id })),
        ledger,
        findings,
      );
      // Outbound: the order the fake received each phone's answers in (each names its inbound wamid). The
      // baseline promises no order here (8 concurrent sends): this shows what order costs the product.
      for (const phone of phones) {
        const refs = ledger.replyRefs.get(phone) ?? [];
        const state = outboundChecked.get(phone) ?? { index: 0, k: -1 };
        for (; state.index < refs.length; state.index++) {
          const k = kOf(refs[state.index] ?? '');
          if (k <= state.k) {
            findings.bad.add(phone);
            if (findings.examples.length < 5)
              findings.examples.push(`${phone} outbound #${state.index}: the answer to k ${k} after the answer to k ${state.k}`);
          }
          state.k = Math.max(state.k, k);
        }
        outboundChecked.set(phone, state);
      }
      const maxSeq = rows.reduce((max, r) => Math.max(max, Number(r.id)), sinceSeq);
      return { outOfOrder: findings.bad.size, concurrentInbound: findings.concurrent, maxSeq, examples: findings.examples };
    },
    dead: () => children.filter((c) => !c.alive()).map((c) => c.name),
    async stop() {
      await Promise.all(children.map((c) => c.stop(8_000)));
      await db.end().catch(() => undefined);
    },
  };
}
