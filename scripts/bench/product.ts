// The product as production runs it: each service bundled by `npm run build` and run on plain node, migrated
// first by its migrate.mjs, in a namespace of its own, with as many replicas as asked.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort, serviceNodeArgs, waitForReady } from '@app/runtime';
import { runToEnd, startChild, tail, type Child } from './children';
import { infra, schemas } from './infra';
import { checkInboundOrder, kOf, newFindings } from './order';
import { ACCESS_TOKEN, API_VERSION, APP_SECRET, PHONE_NUMBER_ID, type SystemUnderTest } from './system';

export const PRODUCT_SERVICES = ['webhook-gateway', 'conversation-engine', 'whatsapp-sender', 'admin-api'] as const;
export type ProductService = (typeof PRODUCT_SERVICES)[number];

const PORT_VARIABLES: Record<ProductService, string> = {
  'webhook-gateway': 'WEBHOOK_GATEWAY_PORT',
  'conversation-engine': 'CONVERSATION_ENGINE_PORT',
  'whatsapp-sender': 'WHATSAPP_SENDER_PORT',
  'admin-api': 'ADMIN_API_PORT',
};
export const SHORT_NAMES: Record<ProductService, string> = {
  'webhook-gateway': 'gateway',
  'conversation-engine': 'engine',
  'whatsapp-sender': 'sender',
  'admin-api': 'admin-api',
};

export interface ProductOptions {
  root: string;
  buildDir: string;
  logDir: string;
  namespace: string;
  fakeUrl: string;
  logLevel: string;
  replicas: Record<ProductService, number>;
  extraEnv?: Record<string, string>;
}

export function productEnv(opts: ProductOptions): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // production would demand real secrets; the services behave the same otherwise.
    NODE_ENV: 'test',
    LOG_LEVEL: opts.logLevel,
    NAMESPACE: opts.namespace,
    DATABASE_URL: infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    REDIS_URL: infra.redisUrl,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'bench-verify-token',
    WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_API_BASE_URL: opts.fakeUrl,
    WHATSAPP_API_VERSION: API_VERSION,
    WHATSAPP_SEND_RATE: '1000',
    JWT_SECRET: 'bench-jwt-secret-of-at-least-32-characters',
    MEDIA_DIR: path.join(opts.buildDir, 'media'),
    // BENCH_ENV="SENDER_CONCURRENCY=32,ENGINE_INBOUND_BATCH=128" tries settings without a rebuild of the bench.
    ...Object.fromEntries(
      (process.env.BENCH_ENV ?? '')
        .split(',')
        .filter((kv) => kv.includes('='))
        .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
    ),
    ...opts.extraEnv,
  };
}

export async function startProduct(opts: ProductOptions): Promise<SystemUnderTest> {
  const env = productEnv(opts);
  for (const service of ['conversation-engine', 'admin-api'] as const) {
    await runToEnd(
      {
        name: `${service}-migrate`,
        role: 'migrate',
        args: [path.join(opts.buildDir, service, 'migrate.mjs')],
        env,
        cwd: opts.root,
        logDir: opts.logDir,
      },
      60_000,
    );
  }
  const children = new Map<ProductService, Child[]>(PRODUCT_SERVICES.map((s) => [s, []]));
  const gatewayUrls: string[] = [];
  const launch = async (service: ProductService, replica: number) => {
    const port = await freePort();
    const child = startChild({
      name: `${SHORT_NAMES[service]}-${replica}`,
      role: service,
      // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles every service (profiles written at exit).
      args: [
        ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
        ...serviceNodeArgs(path.join(opts.buildDir, service, 'main.mjs')),
      ],
      env: { ...env, [PORT_VARIABLES[service]]: String(port) },
      cwd: opts.root,
      logDir: opts.logDir,
    });
    children.get(service)?.push(child);
    const url = `http://127.0.0.1:${port}`;
    if (service === 'webhook-gateway') gatewayUrls.push(url);
    try {
      await waitForReady(url, 30_000, child.alive);
    } catch (error) {
      throw new Error(`${child.name} did not get ready: ${error instanceof Error ? error.message : String(error)}\n${tail(child.logFile)}`);
    }
  };
  // Engine first: it declares the streams and consumers the others use.
  for (let r = 1; r <= opts.replicas['conversation-engine']; r++) await launch('conversation-engine', r);
  const rest = PRODUCT_SERVICES.filter((s) => s !== 'conversation-engine');
  await Promise.all(rest.flatMap((s) => Array.from({ length: opts.replicas[s] }, (_, i) => launch(s, i + 1))));

  const engineSchema = schemas(opts.namespace).engine;
  const db = new pg.Client({ connectionString: infra.databaseUrl });
  await db.connect();
  const all = () => [...children.values()].flat();
  return {
    kind: 'product',
    gatewayUrls,
    webhookPath: '/api/webhook/whatsapp',
    serviceGroups: Object.fromEntries(PRODUCT_SERVICES.map((s) => [SHORT_NAMES[s], () => (children.get(s) ?? []).map((c) => c.pid)])),
    async maxSeq() {
      const { rows } = await db.query<{ max: string | null }>(`select max(seq)::text as max from "${engineSchema}".messages`);
      return Number(rows[0]?.max ?? 0);
    },
    async storedPerSecond(phones, sinceSeq) {
      const { rows } = await db.query<{ s: string; n: string }>(
        `select floor(extract(epoch from m.created_at))::text as s, count(*)::text as n from "${engineSchema}".messages m
         join "${engineSchema}".conversations c on c.id = m.conversation_id
         where c.phone_number = any($1) and m.seq > $2 and m.direction = 'inbound' group by 1`,
        [phones, sinceSeq],
      );
      return new Map(rows.map((r) => [Number(r.s), Number(r.n)]));
    },
    async checkOrder(phones, sinceSeq, ledger) {
      const { rows } = await db.query<{ phone_number: string; direction: string; wamid: string | null; seq: string }>(
        `select c.phone_number, m.direction, m.wamid, m.seq::text as seq from "${engineSchema}".messages m
         join "${engineSchema}".conversations c on c.id = m.conversation_id
         where c.phone_number = any($1) and m.seq > $2 order by m.seq`,
        [phones, sinceSeq],
      );
      const findings = newFindings();
      const inbound = rows
        .filter((r) => r.direction === 'inbound' && r.wamid)
        .map((r) => ({ phone: r.phone_number, k: kOf(r.wamid ?? ''), seq: r.seq }));
      checkInboundOrder(inbound, ledger, findings);
      // Outbound: ordered by seq, a conversation's wamids must carry increasing numbers (the fake numbers
      // them in arrival order). Rows whose send result is not recorded yet have no wamid and are skipped.
      const lastOut = new Map<string, number>();
      for (const row of rows) {
        if (row.direction !== 'outbound' || !row.wamid) continue;
        const n = kOf(row.wamid);
        const previous = lastOut.get(row.phone_number) ?? -1;
        if (n <= previous) {
          findings.bad.add(row.phone_number);
          if (findings.examples.length < 5)
            findings.examples.push(
              `${row.phone_number} outbound seq ${row.seq}: ${row.wamid} reached the Cloud API before wamid.out.${previous}`,
            );
        }
        lastOut.set(row.phone_number, Math.max(previous, n));
      }
      const maxSeq = rows.reduce((max, r) => Math.max(max, Number(r.seq)), sinceSeq);
      return { outOfOrder: findings.bad.size, concurrentInbound: findings.concurrent, maxSeq, examples: findings.examples };
    },
    dead: () =>
      all()
        .filter((c) => !c.alive())
        .map((c) => c.name),
    async stop() {
      await Promise.all(all().map((c) => c.stop(12_000)));
      await db.end().catch(() => undefined);
    },
  };
}

/**
 * `npm run build` of the four services into buildDir. With a git ref, of that commit instead of the working
 * tree (a `git archive` copy beside the build, with node_modules linked back and the workspace packages
 * pointing into the copy): to compare commits, or to bench while the working tree does not build.
 */
export async function buildProduct(root: string, buildDir: string, logDir: string, ref?: string): Promise<void> {
  const source = ref ? snapshot(root, buildDir, ref) : root;
  await runToEnd(
    {
      name: 'build',
      role: 'build',
      args: ['--import', 'tsx', path.join(source, 'scripts/build.ts'), ...PRODUCT_SERVICES, `--outdir=${buildDir}`],
      env: { ...process.env },
      cwd: source,
      logDir,
    },
    240_000,
  );
}

function snapshot(root: string, buildDir: string, ref: string): string {
  const source = path.join(buildDir, 'source');
  mkdirSync(source, { recursive: true });
  const archive = spawnSync('sh', ['-c', 'git -C "$1" archive --format=tar "$2" | tar -x -C "$3"', 'sh', root, ref, source], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (archive.status !== 0) throw new Error(`git archive ${ref} failed: ${archive.stderr}`);
  const modules = path.join(source, 'node_modules');
  mkdirSync(path.join(modules, '@app'), { recursive: true });
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry === '@app' || entry === '.cache') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
  }
  // The workspace packages are relative links (../../libs/x): the same links inside the copy point into it.
  for (const entry of readdirSync(path.join(root, 'node_modules', '@app'))) {
    symlinkSync(readlinkSync(path.join(root, 'node_modules', '@app', entry)), path.join(modules, '@app', entry));
  }
  return source;
}
