import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil, type RecordedRequest } from '@app/testing';
import { buildSendJob, createHarness, type Harness } from './harness';

/*
 * One test per error class of ../shared/WHATSAPP.md (the token class has token-pause.int.test.ts). Delays
 * are read from what the fake received and what BullMQ recorded, never from sleeps: with equal jitter a
 * delay lies in [ceiling / 2, ceiling], so each gap is at least half its ceiling.
 */

let h: Harness | undefined;
const harness = async (env: Record<string, string> = {}) => (h = await createHarness(env));

afterEach(async () => {
  await h?.close();
  h = undefined;
});

const to = (phone: string) => (r: RecordedRequest) => r.body.to === phone;
/** One series of the sender's /metrics, e.g. `whatsapp_sender_send_errors_total{outcome="failed",code="100"}`. */
async function metricValue(url: string, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

const gaps = (requests: RecordedRequest[]) => requests.slice(1).map((r, i) => r.receivedAt - (requests[i]?.receivedAt ?? 0));

/** The delay BullMQ recorded for the job once its n-th request was answered (read while it waits). */
async function recordedDelay(harness: Harness, jobId: string, phone: string, n: number): Promise<number> {
  return pollUntil(
    async () => {
      if (harness.fake.requests.filter(to(phone)).length !== n || (await harness.queue.getJobState(jobId)) !== 'delayed') return undefined;
      return (await harness.queue.getJob(jobId))?.delay;
    },
    { message: `job ${jobId} delayed after request ${n}` },
  );
}

describe('error classes', () => {
  it('retries temporary errors (131000, 5xx) with jittered exponential backoff and sends once', async () => {
    const { fake, enqueue, resultFor, jobInState, startSender } = await harness({ SENDER_BACKOFF_MS: '400' });
    await startSender();
    const job = buildSendJob();
    fake.scriptFor(
      job.to,
      { kind: 'error', status: 500, code: 131000, title: 'Something went wrong' },
      { kind: 'error', status: 503, code: 2, title: 'Service temporarily unavailable' },
    );

    await enqueue(job, job.messageId);
    const secondDelay = await recordedDelay(h!, job.messageId, job.to, 2);
    const result = await resultFor(job.messageId);
    await jobInState(job.messageId, 'completed');

    const requests = fake.requests.filter(to(job.to));
    expect(requests.map((r) => r.status)).toEqual([500, 503, 200]);
    expect(result.data).toEqual({ outcome: 'accepted', messageId: job.messageId, wamid: requests[2]?.wamid, attempts: 3 });
    const [first, second] = gaps(requests);
    // Ceilings 400 then 800 ms.
    expect(first).toBeGreaterThanOrEqual(200);
    expect(second).toBeGreaterThanOrEqual(400);
    expect(secondDelay).toBeGreaterThanOrEqual(400);
    expect(secondDelay).toBeLessThanOrEqual(800);
  });

  it('slows the whole queue down on a throughput error (130429): another student waits too, then the job goes first', async () => {
    // One job at a time, so that the order of A's retry and B's send is the order the queue gave them out.
    const { fake, queue, enqueue, resultFor, startSender } = await harness({ SENDER_BACKOFF_MS: '1500', SENDER_CONCURRENCY: '1' });
    await startSender();
    const a = buildSendJob();
    const b = buildSendJob();
    fake.scriptFor(a.to, { kind: 'error', status: 400, code: 130429, title: 'Rate limit hit' });

    await enqueue(a, a.messageId);
    const refused = await pollUntil(() => fake.requests.find((r) => r.body.to === a.to && r.status === 400), {
      message: "a's throttled attempt",
    });
    // Every replica sees the limit: it lives in Redis.
    expect(await queue.getRateLimitTtl()).toBeGreaterThan(0);
    await enqueue(b, b.messageId);
    const enqueuedAt = Date.now();
    const [resultA, resultB] = await Promise.all([resultFor(a.messageId), resultFor(b.messageId)]);

    // Ceiling 1 500 ms on the first attempt: no job of the queue started for at least 750 ms.
    expect(enqueuedAt - refused.receivedAt).toBeLessThan(750);
    const retriedA = fake.requests.filter(to(a.to))[1];
    const sentB = fake.requests.find(to(b.to));
    expect(retriedA!.receivedAt - refused.receivedAt).toBeGreaterThanOrEqual(750);
    expect(sentB!.receivedAt - refused.receivedAt).toBeGreaterThanOrEqual(750);
    expect(resultA.data).toMatchObject({ outcome: 'accepted', attempts: 2 });
    expect(resultB.data).toMatchObject({ outcome: 'accepted', attempts: 1 });
    // The throttled job was put back at the head of the queue, not behind B.
    expect(retriedA!.receivedAt).toBeLessThan(sentB!.receivedAt);
  });

  it('delays only the recipient after a pair rate limit (131056), roughly 4^n, and sends once', async () => {
    const { fake, enqueue, resultFor, jobInState, startSender } = await harness({ SENDER_PAIR_BACKOFF_MS: '200' });
    await startSender();
    const job = buildSendJob();
    const pairLimit = {
      kind: 'error',
      status: 400,
      code: 131056,
      title: '(Business Account, Consumer Account) pair rate limit hit',
    } as const;
    fake.scriptFor(job.to, pairLimit, pairLimit);

    await enqueue(job, job.messageId);
    const secondDelay = await recordedDelay(h!, job.messageId, job.to, 2);
    const result = await resultFor(job.messageId);
    await jobInState(job.messageId, 'completed');

    const requests = fake.requests.filter(to(job.to));
    expect(requests.map((r) => r.status)).toEqual([400, 400, 200]);
    expect(result.data).toMatchObject({ outcome: 'accepted', attempts: 3 });
    const [first, second] = gaps(requests);
    // Ceilings 200 then 800 ms (x4).
    expect(first).toBeGreaterThanOrEqual(100);
    expect(second).toBeGreaterThanOrEqual(400);
    expect(secondDelay).toBeGreaterThanOrEqual(400);
    expect(secondDelay).toBeLessThanOrEqual(800);
  });

  it.each([
    [131026, 'Message undeliverable'],
    [131047, 'Re-engagement message'],
    [100, 'Invalid parameter'],
    [131008, 'Required parameter is missing'],
    [131009, 'Parameter value is not valid'],
    [368, 'Temporarily blocked for policies violations'],
    [131031, 'Account has been locked'],
    [131048, 'Spam rate limit hit'],
    [131049, 'This message was not delivered to maintain healthy ecosystem engagement'],
  ])('fails permanent code %i at once with its code and title recorded', async (code, title) => {
    const { fake, enqueue, resultFor, jobInState, startSender, rpc } = await harness();
    const sender = await startSender();
    const job = buildSendJob();
    fake.scriptFor(job.to, { kind: 'error', status: 400, code, title });

    await enqueue(job, job.messageId);
    const result = await resultFor(job.messageId);
    await jobInState(job.messageId, 'failed');

    expect(result.data).toEqual({ outcome: 'failed', messageId: job.messageId, error: { code, title, class: 'permanent' }, attempts: 1 });
    expect(fake.requests.filter(to(job.to))).toHaveLength(1);
    const page = (await rpc('dead-letters.list', { actor: { id: 'a', name: 'Admin', role: 'admin' } })) as { data: { items: unknown[] } };
    expect(page.data.items).toEqual([
      expect.objectContaining({ message_id: job.messageId, error: { code, title, class: 'permanent' }, attempts: 1 }),
    ]);
    // The alerts tell our bug (100, 131008, 131009) and a blocked account (368, 131031) apart by this label.
    expect(await metricValue(sender.url, 'whatsapp_sender_send_errors_total', { outcome: 'failed', code: String(code) })).toBe(1);
  });

  it("counts a code outside Meta's classified ones as other, so the label stays bounded", async () => {
    const { fake, enqueue, resultFor, startSender } = await harness();
    const sender = await startSender();
    const job = buildSendJob();
    fake.scriptFor(job.to, { kind: 'error', status: 400, code: 987654, title: 'Something new' });

    await enqueue(job, job.messageId);
    expect((await resultFor(job.messageId)).data).toMatchObject({ outcome: 'failed', error: { code: 987654, class: 'permanent' } });
    expect(await metricValue(sender.url, 'whatsapp_sender_send_errors_total', { outcome: 'failed', code: 'other' })).toBe(1);
    expect(await metricValue(sender.url, 'whatsapp_sender_send_errors_total', { code: '987654' })).toBeUndefined();
  });

  it('gives a temporary error up after SENDER_MAX_ATTEMPTS with its code recorded', async () => {
    const { fake, enqueue, resultFor, jobInState, startSender } = await harness({ SENDER_MAX_ATTEMPTS: '3' });
    const sender = await startSender();
    const job = buildSendJob();
    const error = { kind: 'error', status: 500, code: 1, title: 'An unknown error occurred' } as const;
    fake.scriptFor(job.to, error, error, error, { kind: 'accept' });

    await enqueue(job, job.messageId);
    const result = await resultFor(job.messageId);
    await jobInState(job.messageId, 'failed');

    expect(result.data).toEqual({
      outcome: 'failed',
      messageId: job.messageId,
      error: { code: 1, title: 'An unknown error occurred', class: 'temporary' },
      attempts: 3,
    });
    expect(fake.requests.filter(to(job.to))).toHaveLength(3);
    expect(await metricValue(sender.url, 'whatsapp_sender_send_errors_total', { outcome: 'retrying', code: '1' })).toBe(2);
    expect(await metricValue(sender.url, 'whatsapp_sender_send_errors_total', { outcome: 'failed', code: '1' })).toBe(1);
  });
});
