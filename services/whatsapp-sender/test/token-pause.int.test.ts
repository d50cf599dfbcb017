import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaDownloadJobId, type SenderQueueStatus } from '@app/contracts';
import { pollUntil } from '@app/testing';
import type { RunningSender } from '../src/sender';
import { buildSendJob, createHarness, type Harness } from './harness';

/*
 * An access token refused (190 / HTTP 401) pauses sending for every replica: no job fails, none is sent,
 * and sending resumes by itself once a probe succeeds, or when an admin resumes it.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const actor = { id: 'admin-1', name: 'Admin', role: 'admin' };

async function status(harness: Harness): Promise<SenderQueueStatus> {
  const reply = (await harness.rpc('queue.status', { actor })) as { ok: true; data: SenderQueueStatus };
  return reply.data;
}

const pausedGauge = async (sender: RunningSender) => {
  const text = await (await fetch(`${sender.url}/metrics`)).text();
  return Number(/whatsapp_sender_paused\{[^}]*reason="token_invalid"[^}]*\} (\d+)/.exec(text)?.[1]);
};

/** Waits until sending is paused and every job is back in the waiting list (none active, none failed). */
async function pausedWithWaiting(harness: Harness, waiting: number): Promise<SenderQueueStatus> {
  return pollUntil(
    async () => {
      const s = await status(harness);
      return s.paused && s.outbound.waiting === waiting && s.outbound.active === 0 ? s : undefined;
    },
    { timeoutMs: 15_000, message: `sending paused with ${waiting} jobs waiting` },
  );
}

describe('an access token refused by the Cloud API', () => {
  it('pauses both replicas without failing a job, and resumes by itself once a probe succeeds: every message sent once', async () => {
    h = await createHarness({ SENDER_PROBE_INTERVAL_MS: '200' });
    const { fake, enqueue, enqueueMedia, resultFor, startSender, delivery, logs } = h;
    const [one] = [await startSender(), await startSender()];
    fake.revokeToken();
    const jobs = [buildSendJob(), buildSendJob(), buildSendJob(), buildSendJob()];

    for (const job of jobs) await enqueue(job, job.messageId);
    const media = fake.addMedia({ content: randomBytes(2_000), mimeType: 'image/png' });
    await enqueueMedia({ version: 1, mediaId: media.id, correlationId: 'corr-media' }, mediaDownloadJobId(media.id));
    const paused = await pausedWithWaiting(h, jobs.length);
    // The probe keeps asking while the token is refused, and the queue stays paused.
    await pollUntil(() => fake.probes.filter((p) => p.status === 401).length >= 2, { message: 'two refused probes' });

    expect(paused).toMatchObject({
      pause: { reason: 'token_invalid', error: { code: 190, title: expect.stringContaining('access token') } },
      outbound: { failed: 0, delayed: 0 },
      media: { failed: 0 },
    });
    expect((await status(h)).paused).toBe(true);
    expect(await pausedGauge(one!)).toBe(1);
    expect(delivery.sendResults()).toHaveLength(0);
    // One alert for the spell, however many jobs were refused.
    expect(logs.filter((l) => l.level === 'error' && String(l.msg).includes('sending paused'))).toHaveLength(1);

    fake.restoreToken();
    const results = await Promise.all(jobs.map((job) => resultFor(job.messageId)));
    await delivery.waitFor(
      () => delivery.mediaDownloaded().find((e) => e.data.mediaId === media.id),
      'the media downloaded after the pause',
    );

    // A refused call does not count as an attempt: each message went out once, on its first counted attempt.
    expect(results.map((r) => r.data)).toEqual(
      jobs.map((job) => expect.objectContaining({ outcome: 'accepted', messageId: job.messageId, attempts: 1 })),
    );
    for (const job of jobs) expect(fake.accepted().filter((r) => r.body.to === job.to)).toHaveLength(1);
    expect(await status(h)).toMatchObject({ paused: false, pause: null, outbound: { failed: 0 } });
    expect(await pausedGauge(one!)).toBe(0);
  });

  it('resumes when an admin asks, without waiting for a probe', async () => {
    h = await createHarness({ SENDER_PROBE_INTERVAL_MS: '600000' });
    const { fake, enqueue, resultFor, startSender } = h;
    await startSender();
    fake.revokeToken();
    const jobs = [buildSendJob(), buildSendJob()];

    for (const job of jobs) await enqueue(job, job.messageId);
    await pausedWithWaiting(h, jobs.length);
    fake.restoreToken();
    const resumed = (await h.rpc('queue.resume', { actor, correlationId: 'corr-resume' })) as { ok: boolean; data: SenderQueueStatus };
    const results = await Promise.all(jobs.map((job) => resultFor(job.messageId)));

    expect(resumed).toMatchObject({ ok: true, data: { paused: false, pause: null } });
    expect(fake.probes).toHaveLength(0);
    expect(results.map((r) => r.data.outcome)).toEqual(['accepted', 'accepted']);
    for (const job of jobs) expect(fake.accepted().filter((r) => r.body.to === job.to)).toHaveLength(1);
  });

  it('pauses again when an admin resumes while the token is still refused, still failing nothing', async () => {
    h = await createHarness({ SENDER_PROBE_INTERVAL_MS: '600000' });
    const { fake, enqueue, startSender } = h;
    await startSender();
    fake.revokeToken();
    const job = buildSendJob();

    await enqueue(job, job.messageId);
    await pausedWithWaiting(h, 1);
    const refusedBefore = fake.requests.length;
    await h.rpc('queue.resume', { actor, correlationId: 'corr-resume' });
    await pollUntil(() => fake.requests.length > refusedBefore, { message: 'the send tried again' });
    const again = await pausedWithWaiting(h, 1);

    expect(again.outbound.failed).toBe(0);
    expect(fake.accepted()).toHaveLength(0);
  });
});
