import { afterEach, describe, expect, it } from 'vitest';
import { WIRE } from '@app/contracts';
import { buildSendJob, createHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The most requests the fake received inside any span of `windowMs` (each span starts at a request). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((x, y) => x - y);
  let busiest = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! < sorted[i]! - windowMs + 1) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  return busiest;
}

describe('the global send rate', () => {
  it('keeps every one-second span of a burst within WHATSAPP_SEND_RATE, across two replicas', async () => {
    const rate = 20;
    h = await createHarness({ WHATSAPP_SEND_RATE: String(rate), SENDER_CONCURRENCY: '8' });
    const { fake, queue, resultFor, startSender } = h;
    await startSender();
    await startSender();
    const jobs = Array.from({ length: 3 * rate }, () => buildSendJob());

    await queue.addBulk(jobs.map((data) => ({ name: WIRE.jobs.sendMessage, data, opts: { jobId: data.messageId } })));
    await Promise.all(jobs.map((job) => resultFor(job.messageId, 30_000)));

    const times = fake.accepted().map((r) => r.receivedAt);
    expect(times).toHaveLength(jobs.length);
    // The limiter admits rate/10 jobs per 100 ms: a span of one second meets at most one extra window at
    // each end; requests reach the fake a few milliseconds after their start.
    expect(busiestWindow(times, 1_000)).toBeLessThanOrEqual(rate + 4);
    // Nor does it let a burst through at once (fixed one-second windows would let all 20 out together).
    expect(busiestWindow(times, 100)).toBeLessThanOrEqual((rate / 10) * 3);
  });
});
