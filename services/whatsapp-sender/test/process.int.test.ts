import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnService, type ServiceProcess } from '@app/runtime';
import { buildSendJob, createHarness, type Harness } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');

// Short enough to recover a dead worker's job in a few seconds; the lock still outlives the HTTP timeout.
const FAST_RECOVERY = { SENDER_HTTP_TIMEOUT_MS: '3000', SENDER_LOCK_DURATION_MS: '4000', SENDER_STALLED_INTERVAL_MS: '500' };

let h: Harness | undefined;
let child: ServiceProcess | undefined;
const output: string[] = [];

function spawnSender(env: Record<string, string>): ServiceProcess {
  const proc = spawnService({
    root: ROOT,
    entry: 'services/whatsapp-sender/src/main.ts',
    name: 'whatsapp-sender',
    env: { PATH: process.env.PATH, ...env, LOG_LEVEL: 'info' },
    stdio: 'pipe',
  });
  proc.child.stdout?.on('data', (chunk: Buffer) => output.push(String(chunk)));
  proc.child.stderr?.on('data', (chunk: Buffer) => output.push(String(chunk)));
  return proc;
}

afterEach(async (context) => {
  await child?.kill();
  child = undefined;
  await h?.close();
  h = undefined;
  // The child's own log is the one clue when a process test fails.
  if (context.task.result?.state === 'fail') process.stderr.write(output.join(''));
  output.length = 0;
});

describe('whatsapp-sender as a process', () => {
  it('sends a job again after its sender was killed mid-request, with exactly one accepted send', async () => {
    h = await createHarness(FAST_RECOVERY);
    const { fake, enqueue, resultFor } = h;
    fake.script({ kind: 'hang' });
    const firstRequest = new Promise<void>((resolve) => fake.onRequest(() => resolve()));
    const job = buildSendJob();
    await enqueue(job, job.messageId);

    child = spawnSender(h.env);
    await firstRequest;
    expect(await child.kill()).toBe('SIGKILL');
    await h.startSender();
    const result = await resultFor(job.messageId, 30_000);

    expect(fake.requests.map((r) => r.outcome)).toEqual(['aborted', 'accepted']);
    expect(fake.accepted()).toHaveLength(1);
    expect(result.data).toEqual({ outcome: 'accepted', messageId: job.messageId, wamid: fake.accepted()[0]?.wamid, attempts: 2 });
  });

  it('finishes the send in flight on SIGTERM and exits 0 within 10 s', async () => {
    h = await createHarness();
    const { fake, enqueue, resultFor, jobInState } = h;
    fake.script({ kind: 'delay', ms: 1_500, then: { kind: 'accept' } });
    const firstRequest = new Promise<void>((resolve) => fake.onRequest(() => resolve()));
    const job = buildSendJob();
    await enqueue(job, job.messageId);

    child = spawnSender(h.env);
    await firstRequest;
    const stopping = Date.now();
    const exit = await child.stop();

    expect(exit).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(10_000);
    expect(fake.accepted()).toHaveLength(1);
    expect((await resultFor(job.messageId)).data).toMatchObject({ outcome: 'accepted', wamid: fake.accepted()[0]?.wamid, attempts: 1 });
    await jobInState(job.messageId, 'completed');
  });
});
