// `npm run bench`: the whole system as production runs it (bundled services on plain node, real Postgres,
// NATS and Redis, a fake Cloud API), beside a minimal pipeline of the same shape (scripts/bench/baseline),
// under an open-loop load at stepped rates. Prints a table, writes <out>/<timestamp>.json and .svg.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase } from '@app/db';
import { stopAll, killAllNow } from './children';
import { parseCli, type BenchOptions } from './cli';
import { bundleBench, startFake, startGenerator } from './harness';
import { cleanupNamespace, infra, newNamespace, schemas } from './infra';
import { Ledger, type Population } from './ledger';
import { buildProduct, PRODUCT_SERVICES, SHORT_NAMES, startProduct } from './product';
import { probeRepliesPerInbound } from './probe';
import { renderTable, TABLE_LEGEND } from './report/table';
import { writeReports } from './report/write';
import { startBaseline } from './baseline/start';
import { phoneOf, seedHistory, seedStudents } from './seed';
import { runStep, type StepContext, type StepResult } from './step';
import type { SystemUnderTest } from './system';
import { machineInfo } from './measure/machine';
import { machineCpuMs } from './measure/proc-stats';

const root = path.resolve(import.meta.dirname, '../..');
const options = parseCli(process.argv.slice(2));
const namespace = newNamespace();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const outDir = path.resolve(root, options.out);
const logDir = path.join(outDir, 'logs', stamp);
// Inside the repository, so the bundles' bare imports resolve from its node_modules.
const buildDir = path.join(root, 'node_modules', '.cache', 'bench', namespace);
const print = (text: string) => process.stdout.write(`${text}\n`);

const PREFIX = { baseline: '4470', product: '4471', baselineProbe: '4472', productProbe: '4474', burst: '4473', history: '4479' } as const;

let generator: ReturnType<typeof startGenerator> | undefined;
let system: SystemUnderTest | undefined;
let finishing = false;

async function teardown(): Promise<void> {
  await generator?.stop().catch(() => undefined);
  await system?.stop().catch(() => undefined);
  await stopAll(10_000);
  const problems = await cleanupNamespace(namespace);
  for (const problem of problems) print(`cleanup: ${problem}`);
  rmSync(buildDir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (finishing) return;
    finishing = true;
    print(`\n${signal}: stopping every process and removing namespace ${namespace}...`);
    const hardStop = setTimeout(() => {
      killAllNow();
      process.exit(130);
    }, 40_000);
    void teardown().finally(() => {
      clearTimeout(hardStop);
      process.exit(130);
    });
  });
}
process.on('exit', killAllNow);

const population = (name: string, prefix: string, count: number): Population => ({
  name: `${namespace}-${name}`,
  phones: Array.from({ length: count }, (_, i) => phoneOf(prefix, i)),
  nextIndex: 0,
});

interface Stepper {
  ctx: StepContext;
  results: StepResult[];
}

async function step(s: Stepper, plan: Parameters<typeof runStep>[1]): Promise<StepResult> {
  s.ctx.step++;
  const result = await runStep(s.ctx, plan);
  const dead = s.ctx.system.dead();
  if (dead.length > 0) throw new Error(`processes died during step ${plan.label}: ${dead.join(', ')} (logs in ${logDir})`);
  if (!plan.warmup) {
    s.results.push(result);
    print(renderTable([result], serviceNamesOf(s.ctx.system)).split('\n')[1] ?? '');
  }
  return result;
}

const serviceNamesOf = (sut: SystemUnderTest) => Object.keys(sut.serviceGroups);

/** Steps up through the rates; stops once `maxBehind` consecutive steps fell behind (or a drain timed out). */
async function stepRates(s: Stepper, rates: number[], pop: Population, maxBehind: number, extendUntilBehind: boolean): Promise<void> {
  const queue = [...rates];
  let behind = 0;
  while (queue.length > 0 && !finishing) {
    const rate = queue.shift() as number;
    const result = await step(s, {
      label: String(rate),
      rate,
      durationS: options.durationS,
      population: pop,
      drainTimeoutMs: options.drainTimeoutS * 1000,
    });
    behind = result.keptUp ? 0 : behind + 1;
    if (behind >= maxBehind || result.drainTimedOut) break;
    // The baseline's ceiling must be found even above the listed rates.
    if (extendUntilBehind && queue.length === 0 && result.keptUp && rate < 20_000) queue.push(Math.round(rate * 1.5));
  }
}

async function runSystem(sut: SystemUnderTest, pop: Population, probe: Population, fake: { url: string; pid: number }, opts: BenchOptions) {
  const ledger = new Ledger(fake.url);
  await ledger.skipExisting();
  const gen = generator as NonNullable<typeof generator>;
  const s: Stepper = { ctx: { system: sut, ledger, generator: gen.child, generatorPid: gen.pid, fakePid: fake.pid, step: 0 }, results: [] };
  const perInbound = await probeRepliesPerInbound(s.ctx, probe);
  ledger.repliesPerInbound = perInbound;
  print(`${sut.kind}: ${perInbound} Cloud API call(s) per inbound "menu"`);
  if (opts.warmupS > 0)
    await step(s, { label: 'warmup', rate: 100, durationS: opts.warmupS, population: pop, drainTimeoutMs: 30_000, warmup: true });
  return { s, perInbound };
}

async function main(): Promise<void> {
  const machine = machineInfo();
  print(`bench ${namespace}: ${machine.nproc} cores (${machine.cpuModel}), node ${machine.node}; logs in ${path.relative(root, logDir)}`);
  mkdirSync(logDir, { recursive: true });
  // A machine where nothing ran `npm start` or `npm run db:migrate` yet has no database to put the schemas in.
  if ((await ensureDatabase(infra.databaseUrl)).created) print('created the database (it did not exist yet)');
  if (!options.baselineOnly) {
    print(`building the services (npm run build)${options.ref ? ` of ${options.ref}` : ''}...`);
    await buildProduct(root, buildDir, logDir, options.ref);
  }
  await bundleBench(root, buildDir);
  // Someone else's load on the machine skews every figure: say how busy it was before we started anything.
  const idleBefore = machineCpuMs();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const idleAfter = machineCpuMs();
  const busyBefore = (idleAfter.busy - idleBefore.busy) / Math.max(1, idleAfter.total - idleBefore.total);
  print(
    `machine busy before the bench started anything: ${(100 * busyBefore).toFixed(0)}%${busyBefore > 0.1 ? ' (other load: figures will be skewed)' : ''}`,
  );
  const fakeProcess = await startFake(root, buildDir, logDir);
  const fake = { url: fakeProcess.url, pid: fakeProcess.child.pid };
  generator = startGenerator(root, buildDir, logDir);
  const results: StepResult[] = [];
  const extra: Record<string, unknown> = { machineBusyBeforeStart: Number(busyBefore.toFixed(3)) };
  let baselineCeiling: number | null = null;

  if (!options.skipBaseline) {
    print('\nbaseline (express -> JetStream -> pg transaction + outbox -> relay -> BullMQ -> worker -> Cloud API):');
    system = await startBaseline({ root, buildDir, logDir, namespace, fakeUrl: fake.url });
    const pop = population('b', PREFIX.baseline, options.students);
    const { s } = await runSystem(system, pop, population('bp', PREFIX.baselineProbe, 1), fake, options);
    print(renderTable([], serviceNamesOf(system)));
    // Two behind in a row, as for the product: one step disturbed by someone else's load does not end it.
    await stepRates(s, options.rates, pop, 2, true);
    baselineCeiling = Math.max(0, ...s.results.map((r) => r.answeredPerS));
    for (const r of s.results) r.ratioToBaseline = Number((r.answeredPerS / baselineCeiling).toFixed(2));
    results.push(...s.results);
    print(`baseline ceiling: ${baselineCeiling} answers/s`);
    await system.stop();
    system = undefined;
  }

  if (!options.baselineOnly) {
    print('\nproduct (gateway -> engine -> sender, as built by npm run build):');
    system = await startProduct({
      root,
      buildDir,
      logDir,
      namespace,
      fakeUrl: fake.url,
      logLevel: options.logLevel,
      replicas: options.replicas,
    });
    const db = new pg.Client({ connectionString: infra.databaseUrl });
    await db.connect();
    const engineSchema = schemas(namespace).engine;
    const seedStarted = performance.now();
    const pop = population('p', PREFIX.product, options.students);
    await seedStudents(db, engineSchema, PREFIX.product, options.students);
    await seedStudents(db, engineSchema, PREFIX.productProbe, 1);
    if (options.burst > 0) await seedStudents(db, engineSchema, PREFIX.burst, options.burst);
    if (options.history > 0) await seedHistory(db, engineSchema, PREFIX.history, options.history);
    await db.end();
    print(
      `seeded ${options.students} students${options.history ? `, ${options.history} conversations of history (50 messages each)` : ''}${options.burst ? `, ${options.burst} burst students` : ''} in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    const { s } = await runSystem(system, pop, population('pp', PREFIX.productProbe, 1), fake, options);
    const names = serviceNamesOf(system);
    print(renderTable([], names));
    await stepRates(s, options.rates, pop, 2, false);
    const ceiling = Math.max(0, ...s.results.map((r) => r.answeredPerS));
    extra.productCeiling = ceiling;
    if (options.overload && !finishing) {
      const rate = Math.max(1, Math.round(2 * ceiling));
      print(`overload: ${rate} msg/s (2 x the measured ceiling) for 30 s`);
      const r = await step(s, {
        label: `overload ${rate}`,
        rate,
        durationS: 30,
        population: pop,
        drainTimeoutMs: Math.max(options.drainTimeoutS, 120) * 1000,
      });
      const share = r.sent > 0 ? (100 * r.accepted) / r.sent : 0;
      extra.overload = {
        offered: rate,
        answeredPerS: r.answeredPerS,
        webhook200Share: share,
        webhookP99: r.webhookP99,
        drainMs: r.drainMs,
        drainTimedOut: r.drainTimedOut,
        lost: r.lost,
      };
      print(
        `overload: ${r.answeredPerS} answered/s during it; ${share.toFixed(1)}% of webhooks answered 200 (p99 ${r.webhookP99} ms); drained ${(r.drainMs / 1000).toFixed(1)} s after${r.drainTimedOut ? ' (drain timeout)' : ''}; lost ${r.lost}`,
      );
    }
    if (options.burst > 0 && !finishing) {
      print(`burst: ${options.burst} students, one message each within one second`);
      const r = await step(s, {
        label: `burst ${options.burst}`,
        rate: options.burst,
        durationS: 1,
        population: population('burst', PREFIX.burst, options.burst),
        drainTimeoutMs: Math.max(options.drainTimeoutS, 120) * 1000,
      });
      const allAnsweredMs = 1000 + r.drainMs;
      extra.burst = {
        students: options.burst,
        allAnsweredMs,
        answered: r.answeredTotal,
        lost: r.lost,
        outOfOrder: r.outOfOrder,
        e2eP99: r.e2eP99,
        webhookP99: r.webhookP99,
      };
      print(
        `burst: ${r.answeredTotal}/${r.accepted} answered, the last ${(allAnsweredMs / 1000).toFixed(1)} s after the first send${r.drainTimedOut ? ' (drain timeout)' : ''}; out of order ${r.outOfOrder}; non-200 ${r.non200}`,
      );
    }
    if (baselineCeiling) for (const r of s.results) r.ratioToBaseline = Number((r.answeredPerS / baselineCeiling).toFixed(2));
    results.push(...s.results);
    await system.stop();
    system = undefined;
  }

  print('');
  const names = options.baselineOnly ? ['gateway', 'consumer', 'relay', 'worker'] : PRODUCT_SERVICES.map((x) => SHORT_NAMES[x]);
  print(
    renderTable(
      results,
      [...new Set([...names, ...results.flatMap((r) => Object.keys(r.maxRssMb))])].filter((n) => n !== 'fake' && n !== 'generator'),
    ),
  );
  print(TABLE_LEGEND);
  const noisy = results.filter((r) => r.machineCpuMsPerMessage > 0 && (r.cpuMsPerMessage.other ?? 0) > 0.2 * r.machineCpuMsPerMessage);
  if (noisy.length > 0) {
    print(
      `\nwarning: other load took over 20% of the machine's busy time in ${noisy.map((r) => `${r.system} ${r.label}`).join(', ')}: those figures are skewed (rerun on a quiet machine)`,
    );
  }
  const written = await writeReports({ outDir, stamp, options, namespace, machine, results, baselineCeiling, extra });
  print(`\nwrote ${written.map((f) => path.relative(root, f)).join(', ')}`);
}

try {
  await main();
  finishing = true;
  await teardown();
} catch (error) {
  finishing = true;
  print(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await teardown();
  process.exitCode = 1;
}
