import { afterEach, describe, expect, it } from 'vitest';
import type { ScriptedResponse } from '@app/testing';
import { buildSendJob, createHarness, type Harness } from './harness';

/*
 * The sender's side of per-student order. The engine's relay queues a student's next message only once the
 * previous one has an outcome, so the sender holds at most one job per student; what the sender must prove
 * is that a student whose message is held back (pair rate limit, temporary errors) holds back nobody else,
 * with SENDER_CONCURRENCY=8 and two replicas, and that the held message is reported once, when final.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Student B's messages, queued the way the relay does: the next one only after the previous result. */
async function sendInTurn(harness: Harness, count: number) {
  const to = buildSendJob().to;
  const jobs = [];
  for (let i = 0; i < count; i++) {
    const job = buildSendJob({ to, message: { kind: 'text', body: `message ${i + 1}` } });
    await harness.enqueue(job, job.messageId);
    await harness.resultFor(job.messageId);
    jobs.push(job);
  }
  return jobs;
}

const cases: [string, ScriptedResponse[], number][] = [
  ['a pair rate limit (131056)', [{ kind: 'error', status: 400, code: 131056, title: 'Pair rate limit hit' }], 1_500],
  [
    'temporary errors (131000)',
    [
      { kind: 'error', status: 500, code: 131000, title: 'Something went wrong' },
      { kind: 'error', status: 500, code: 131000, title: 'Something went wrong' },
    ],
    1_500,
  ],
];

describe('one student held back, with two replicas at concurrency 8', () => {
  it.each(cases)(
    "%s delays only that student: another student's messages go through meanwhile",
    async (_name, answers, firstDelayFloor) => {
      // Ceilings of 3 s on A's first wait, whichever class: at least 1.5 s with jitter.
      h = await createHarness({ SENDER_CONCURRENCY: '8', SENDER_PAIR_BACKOFF_MS: '3000', SENDER_BACKOFF_MS: '3000' });
      const { fake, enqueue, resultFor, resultsFor, jobInState, startSender } = h;
      await startSender();
      await startSender();
      const a = buildSendJob();
      fake.scriptFor(a.to, ...answers);

      await enqueue(a, a.messageId);
      await jobInState(a.messageId, 'delayed');
      const bJobs = await sendInTurn(h, 3);
      // B's three results were read, and the stream is read in order: anything A had published is read too.
      const aWhileHeld = resultsFor(a.messageId).length;
      const aResult = await resultFor(a.messageId, 30_000);

      const aRequests = fake.requests.filter((r) => r.body.to === a.to);
      const bRequests = fake.requests.filter((r) => r.body.to === bJobs[0]!.to);
      const aRetried = aRequests[1]!;
      expect(aRetried.receivedAt - aRequests[0]!.receivedAt).toBeGreaterThanOrEqual(firstDelayFloor);
      // All of B went out while A waited, in B's order.
      expect(bRequests.map((r) => (r.body.text as { body: string }).body)).toEqual(['message 1', 'message 2', 'message 3']);
      expect(bRequests.every((r) => r.receivedAt < aRetried.receivedAt)).toBe(true);
      // A had no outcome while it was held, and exactly one once it was final.
      expect(aWhileHeld).toBe(0);
      expect(resultsFor(a.messageId)).toHaveLength(1);
      expect(aResult.data).toMatchObject({ outcome: 'accepted', attempts: answers.length + 1 });
      expect(Date.parse(aResult.occurredAt)).toBeGreaterThanOrEqual(aRequests.at(-1)!.receivedAt);
      expect(fake.accepted().filter((r) => r.body.to === a.to)).toHaveLength(1);
    },
  );
});
