// One offered rate against one system: run the generator for the window, wait for the drain, measure CPU and
// memory over window + drain, and turn the ledger into the step's figures.
import type { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { GeneratorDone, GeneratorRun } from './generator-protocol';
import { percentile, type Ledger, type Population } from './ledger';
import { INFRA_GROUPS, startSampling, type Groups } from './measure/sampler';
import { APP_SECRET, PHONE_NUMBER_ID, type SystemUnderTest } from './system';

export interface StepPlan {
  label: string;
  rate: number;
  durationS: number;
  population: Population;
  drainTimeoutMs: number;
  /** Not reported (JIT warm-up, connection pools). */
  warmup?: boolean;
}

export interface StepResult {
  system: 'product' | 'baseline';
  label: string;
  offered: number;
  durationS: number;
  sent: number;
  accepted: number;
  non200: number;
  /** Complete answers that reached the fake inside the window, per second. */
  answeredPerS: number;
  /** This step's accepted messages answered by the end of the drain. */
  answeredTotal: number;
  webhookP50: number | null;
  webhookP99: number | null;
  e2eP50: number | null;
  e2eP99: number | null;
  e2eMax: number | null;
  drainMs: number;
  drainTimedOut: boolean;
  lost: number;
  doubled: number;
  outOfOrder: number;
  /** Pairs of one student's webhooks in flight together, stored in the other order (allowed: see order.ts). */
  concurrentReordered: number;
  /** A few of the order violations found, to start looking from. */
  orderExamples: string[];
  /** Backlog (accepted, not yet answered) at the window's middle and end. */
  backlogMid: number;
  backlogEnd: number;
  keptUp: boolean;
  cpuMsPerMessage: Record<string, number>;
  machineCpuMsPerMessage: number;
  /** Share of the machine busy during window + drain (1 = every core busy). */
  machineBusyShare: number;
  maxRssMb: Record<string, number>;
  generatorMaxLagMs: number;
  ratioToBaseline: number | null;
  /**
   * Per second from the window's start to the last answer: webhooks scheduled, accepted (200), inbound
   * messages stored by the system (its database's created_at), and answers at the Cloud API. Shows where a
   * backlog builds up: in front of the store (inbound side) or behind it (outbound side).
   */
  timeline: { second: number; scheduled: number; accepted: number; stored: number; answered: number }[];
}

export interface StepContext {
  system: SystemUnderTest;
  ledger: Ledger;
  generator: ChildProcess;
  generatorPid: number;
  fakePid: number;
  step: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();
const round = (n: number | undefined, digits = 1) => (n === undefined ? null : Number(n.toFixed(digits)));

function runGenerator(generator: ChildProcess, run: GeneratorRun): Promise<GeneratorDone> {
  const limitMs = run.startAt - now() + run.durationMs + run.requestTimeoutMs + 15_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      generator.off('message', onMessage);
      reject(new Error(`generator did not finish within ${Math.round(limitMs)} ms`));
    }, limitMs);
    const onMessage = (message: GeneratorDone) => {
      if (message.type !== 'done') return;
      clearTimeout(timer);
      generator.off('message', onMessage);
      resolve(message);
    };
    generator.on('message', onMessage);
    generator.send(run);
  });
}

export async function runStep(ctx: StepContext, plan: StepPlan): Promise<StepResult> {
  const { system, ledger, population } = { ...ctx, population: plan.population };
  const phones = population.phones;
  const sinceSeq = await system.maxSeq();
  const groups: Groups = {
    ...system.serviceGroups,
    fake: () => [ctx.fakePid],
    generator: () => [ctx.generatorPid],
    // The bench's own main process (drain polling, sampling): in the JSON, so that `other` is only others.
    bench: () => [process.pid],
    ...INFRA_GROUPS,
  };
  const durationMs = plan.durationS * 1000;
  const startAt = now() + 300;
  const sampling = startSampling(groups, [...Object.keys(system.serviceGroups), 'fake', 'generator']);
  const run: GeneratorRun = {
    type: 'run',
    targets: system.gatewayUrls,
    path: system.webhookPath,
    rate: plan.rate,
    durationMs,
    startAt,
    phones,
    firstIndex: population.nextIndex,
    runId: population.name,
    appSecret: APP_SECRET,
    phoneNumberId: PHONE_NUMBER_ID,
    text: 'menu',
    requestTimeoutMs: 30_000,
  };
  const doubledBefore = ledger.doubled(phones);
  const done = await runGenerator(ctx.generator, run);
  population.nextIndex += done.sent.length;
  const inbound = ledger.record(population, ctx.step, done.sent);
  const windowEnd = startAt + durationMs;

  // Drain: every accepted message of this population answered, or the timeout.
  const drainDeadline = performance.now() + plan.drainTimeoutMs;
  let outstanding = Number.POSITIVE_INFINITY;
  while (performance.now() < drainDeadline) {
    await ledger.pull();
    outstanding = ledger.outstanding(phones);
    if (outstanding === 0) break;
    await sleep(250);
  }
  const drainTimedOut = outstanding > 0;
  // A moment for late duplicates to show up before counting them.
  if (!drainTimedOut) await sleep(500);
  const usage = sampling.stop();
  await ledger.pull();

  // Match each accepted inbound of this step with its answer.
  const e2e: number[] = [];
  let lastAnswer = windowEnd;
  let answeredTotal = 0;
  let backlogMid = 0;
  let backlogEnd = 0;
  const mid = startAt + durationMs / 2;
  for (const phone of phones) {
    const list = ledger.accepted.get(phone) ?? [];
    list.forEach((message, j) => {
      if (message.step !== ctx.step) return;
      const answeredAt = ledger.answerTime(phone, j);
      if (answeredAt === undefined) {
        backlogMid += message.scheduled <= mid ? 1 : 0;
        backlogEnd += message.scheduled <= windowEnd ? 1 : 0;
        return;
      }
      answeredTotal++;
      e2e.push(answeredAt - message.scheduled);
      lastAnswer = Math.max(lastAnswer, answeredAt);
      if (message.scheduled <= mid && answeredAt > mid) backlogMid++;
      if (message.scheduled <= windowEnd && answeredAt > windowEnd) backlogEnd++;
    });
  }
  e2e.sort((a, b) => a - b);
  let repliesInWindow = 0;
  for (const phone of phones) for (const t of ledger.replies.get(phone) ?? []) if (t >= startAt && t <= windowEnd) repliesInWindow++;
  const answeredPerS = repliesInWindow / ledger.repliesPerInbound / plan.durationS;
  const accepted = inbound.filter((m) => m.status === 200);
  const webhook = accepted.map((m) => m.answeredAt - m.scheduled).sort((a, b) => a - b);
  const order = await system.checkOrder(phones, sinceSeq, ledger);
  const stored = await system.storedPerSecond(phones, sinceSeq);
  const seconds = Math.max(plan.durationS, Math.ceil((lastAnswer - startAt) / 1000));
  const timeline = Array.from({ length: seconds }, (_, second) => ({ second, scheduled: 0, accepted: 0, stored: 0, answered: 0 }));
  const slot = (t: number) => timeline[Math.floor((t - startAt) / 1000)];
  for (const m of inbound) {
    const entry = slot(m.scheduled);
    if (!entry) continue;
    entry.scheduled++;
    if (m.status === 200) entry.accepted++;
  }
  for (const [epochSecond, n] of stored) {
    // Database seconds are whole epoch seconds; the window starts mid-second: attribute by overlap start.
    const entry = slot(epochSecond * 1000 + 500);
    if (entry) entry.stored += n;
  }
  for (const phone of phones) {
    for (const t of ledger.replies.get(phone) ?? []) {
      const entry = t >= startAt ? slot(t) : undefined;
      if (entry) entry.answered += 1 / ledger.repliesPerInbound;
    }
  }
  const perMessage = (ms: number) => (accepted.length > 0 ? Number((ms / accepted.length).toFixed(3)) : 0);
  // Falling behind: fewer answers than offered, or a backlog that keeps growing through the window.
  const growth = backlogEnd - backlogMid;
  const keptUp = answeredPerS >= 0.95 * plan.rate && growth <= Math.max(20, 0.05 * plan.rate * (plan.durationS / 2)) && !drainTimedOut;

  return {
    system: system.kind,
    label: plan.label,
    offered: plan.rate,
    durationS: plan.durationS,
    sent: inbound.length,
    accepted: accepted.length,
    non200: inbound.length - accepted.length,
    answeredPerS: Number(answeredPerS.toFixed(1)),
    answeredTotal,
    webhookP50: round(percentile(webhook, 50)),
    webhookP99: round(percentile(webhook, 99)),
    e2eP50: round(percentile(e2e, 50)),
    e2eP99: round(percentile(e2e, 99)),
    e2eMax: round(e2e[e2e.length - 1]),
    drainMs: Math.max(0, Math.round(lastAnswer - windowEnd)),
    drainTimedOut,
    lost: accepted.length - answeredTotal,
    doubled: ledger.doubled(phones) - doubledBefore,
    outOfOrder: order.outOfOrder,
    orderExamples: order.examples,
    concurrentReordered: order.concurrentInbound,
    backlogMid,
    backlogEnd,
    keptUp,
    cpuMsPerMessage: {
      ...Object.fromEntries(Object.entries(usage.cpuMs).map(([name, ms]) => [name, perMessage(ms)])),
      // What the machine spent beyond every measured group: the kernel's own work, and anyone else's load.
      other: perMessage(Math.max(0, usage.machineBusyMs - Object.values(usage.cpuMs).reduce((a, b) => a + b, 0))),
    },
    machineCpuMsPerMessage: perMessage(usage.machineBusyMs),
    machineBusyShare: Number((usage.machineBusyMs / (usage.wallMs * availableParallelism())).toFixed(3)),
    maxRssMb: Object.fromEntries(Object.entries(usage.maxRssMb).map(([name, mb]) => [name, Math.round(mb)])),
    generatorMaxLagMs: Math.round(done.maxLagMs),
    ratioToBaseline: null,
    timeline,
  };
}
