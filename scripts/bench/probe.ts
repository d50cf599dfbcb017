// Before the timed steps: one message from a student of its own, to learn how many Cloud API calls the
// system makes per inbound message (and that it answers at all).
import type { ChildProcess } from 'node:child_process';
import type { Ledger, Population } from './ledger';
import { runStep } from './step';
import type { SystemUnderTest } from './system';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function probeRepliesPerInbound(
  ctx: { system: SystemUnderTest; ledger: Ledger; generator: ChildProcess; generatorPid: number; fakePid: number },
  population: Population,
): Promise<number> {
  ctx.ledger.repliesPerInbound = 1;
  const result = await runStep(
    { ...ctx, step: -1 },
    { label: 'probe', rate: 1, durationS: 1, population, drainTimeoutMs: 20_000, warmup: true },
  );
  if (result.accepted !== 1 || result.answeredTotal !== 1) {
    throw new Error(
      `the ${ctx.system.kind} did not answer one probe message (accepted ${result.accepted}, answered ${result.answeredTotal})`,
    );
  }
  // Whatever else belongs to the same answer arrives within a moment.
  await sleep(2_000);
  await ctx.ledger.pull();
  const phone = population.phones[0] ?? '';
  return ctx.ledger.replies.get(phone)?.length ?? 0;
}
