import { describe, expect, it } from 'vitest';
import type { SendMessageJob } from '@app/contracts';
import { inMemoryDeps } from './in-memory-deps.test-support';
import { reportAbandonedJob } from './report-abandoned-job';
import { sendMessage } from './send-message';

const job: SendMessageJob = {
  version: 1,
  messageId: '0b6f3c1e-8d1a-4f4e-9a57-2f1f4b3b8c11',
  to: '447700900123',
  message: { kind: 'text', body: 'hi' },
  correlationId: 'corr-1',
};
const metaError = (status: number, code: number) => ({
  ok: false as const,
  failure: { kind: 'http' as const, status, code, title: `error ${code}` },
});

describe('sendMessage', () => {
  it('sends to the phone when the job has one, else to the business-scoped user id by recipient', async () => {
    const world = inMemoryDeps([]);
    const { to: _, ...withoutPhone } = job;
    const byUserId: SendMessageJob = {
      ...withoutPhone,
      messageId: '1b6f3c1e-8d1a-4f4e-9a57-2f1f4b3b8c12',
      recipient: 'NG.13491208655302741918',
    };

    await sendMessage(world.deps, { job, log: world.log });
    await sendMessage(world.deps, { job: byUserId, log: world.log });

    expect(world.calls).toEqual([
      expect.objectContaining({ to: '447700900123', biz_opaque_callback_data: job.messageId }),
      expect.objectContaining({ recipient: 'NG.13491208655302741918', biz_opaque_callback_data: byUserId.messageId }),
    ]);
    expect(world.calls[0]).not.toHaveProperty('recipient');
    expect(world.calls[1]).not.toHaveProperty('to');
    expect(world.sent.map((e) => e.data)).toEqual([
      expect.objectContaining({ outcome: 'accepted', messageId: job.messageId }),
      expect.objectContaining({ outcome: 'accepted', messageId: byUserId.messageId }),
    ]);
  });

  it('gives the attempt back and pauses sending when the token is refused, publishing nothing', async () => {
    const world = inMemoryDeps([metaError(401, 190)]);

    const decision = await sendMessage(world.deps, { job, log: world.log });

    expect(decision.kind).toBe('requeue');
    expect(world.pauses).toEqual([{ reason: 'token_invalid', since: world.deps.now(), error: { code: 190, title: 'error 190' } }]);
    expect(world.states.get(job.messageId)).toMatchObject({ status: 'refused', attempts: 0 });
    expect(world.sent).toEqual([]);

    // The next run, token fixed, is attempt 1.
    await sendMessage(world.deps, { job, log: world.log });
    expect(world.sent.map((e) => e.data)).toEqual([expect.objectContaining({ outcome: 'accepted', attempts: 1 })]);
  });

  it('slows the whole queue down on a throughput error, counting the attempt, publishing no outcome but a retrying note', async () => {
    const world = inMemoryDeps([metaError(400, 130429)]);

    const decision = await sendMessage(world.deps, { job, log: world.log });

    expect(decision.kind).toBe('requeue');
    expect(world.slowDowns).toEqual([1_000]);
    expect(world.states.get(job.messageId)).toMatchObject({ status: 'refused', attempts: 1 });
    expect(world.sent).toEqual([]);
    expect(world.retrying.map((e) => e.data)).toEqual([
      {
        messageId: job.messageId,
        attempt: 1,
        reason: 'throughput',
        code: 130429,
        title: 'error 130429',
        nextAttemptAt: '2026-01-01T00:00:01.000Z',
      },
    ]);
  });

  it('delays a pair-rate-limited message by itself, without touching the queue, and says until when', async () => {
    const world = inMemoryDeps([metaError(400, 131056)]);

    expect(await sendMessage(world.deps, { job, log: world.log })).toEqual({
      kind: 'retry',
      delayMs: 4_000,
      reason: 'pair_rate_limit 131056',
    });
    expect(world.slowDowns).toEqual([]);
    expect(world.sent).toEqual([]);
    expect(world.retrying).toEqual([
      {
        id: `${job.messageId}:retrying:1`,
        type: 'whatsapp.outbound.send.retrying',
        version: 1,
        occurredAt: '2026-01-01T00:00:00.000Z',
        correlationId: job.correlationId,
        data: {
          messageId: job.messageId,
          attempt: 1,
          reason: 'pair_rate_limit',
          code: 131056,
          title: 'error 131056',
          nextAttemptAt: '2026-01-01T00:00:04.000Z',
        },
      },
    ]);
  });

  it('notes each retried attempt once under its own id, and nothing on the attempt that succeeds', async () => {
    const world = inMemoryDeps([metaError(400, 131056), metaError(500, 131000)]);

    for (let run = 0; run < 3; run++) await sendMessage(world.deps, { job, log: world.log });

    expect(world.retrying.map((e) => [e.id, e.data.reason, e.data.code])).toEqual([
      [`${job.messageId}:retrying:1`, 'pair_rate_limit', 131056],
      [`${job.messageId}:retrying:2`, 'temporary', 131000],
    ]);
    expect(world.sent.map((e) => e.data)).toEqual([expect.objectContaining({ outcome: 'accepted', attempts: 3 })]);
  });

  it('retries as decided when the retrying note cannot be published, and sends once on the next run', async () => {
    const world = inMemoryDeps([metaError(400, 131056)]);
    world.faults.retryingPublish = new Error('nats unavailable');

    expect(await sendMessage(world.deps, { job, log: world.log })).toEqual({
      kind: 'retry',
      delayMs: 4_000,
      reason: 'pair_rate_limit 131056',
    });
    expect(world.states.get(job.messageId)).toMatchObject({ status: 'refused', attempts: 1 });
    expect(world.calls).toHaveLength(1);

    world.faults.retryingPublish = undefined;
    await sendMessage(world.deps, { job, log: world.log });
    expect(world.calls).toHaveLength(2);
    expect(world.retrying).toEqual([]);
    expect(world.sent.map((e) => e.data)).toEqual([expect.objectContaining({ outcome: 'accepted', attempts: 2 })]);
  });

  it('names a retrying note after the admin retry it belongs to', async () => {
    const world = inMemoryDeps([metaError(400, 131056)]);
    world.states.set(job.messageId, { status: 'requeued', attempts: 0, retry: 1 });

    await sendMessage(world.deps, { job, log: world.log });

    expect(world.retrying.map((e) => e.id)).toEqual([`${job.messageId}:retrying:1:1`]);
  });

  it('publishes no retrying note for an error that fails the message at once', async () => {
    const world = inMemoryDeps([metaError(400, 131026)]);

    expect((await sendMessage(world.deps, { job, log: world.log })).kind).toBe('failed');
    expect(world.retrying).toEqual([]);
    expect(world.sent.map((e) => e.data.outcome)).toEqual(['failed']);
  });

  it('republishes a recorded outcome under the retry that produced it, without calling the Cloud API', async () => {
    const world = inMemoryDeps([]);
    world.states.set(job.messageId, { status: 'accepted', wamid: 'wamid.X', attempts: 1, retry: 2 });

    await sendMessage(world.deps, { job, log: world.log });

    expect(world.calls).toHaveLength(0);
    expect(world.sent.map((e) => e.id)).toEqual([`${job.messageId}:result:2`]);
  });
});

describe('reportAbandonedJob', () => {
  it('reports a job its workers kept dying on as failed, once', async () => {
    const world = inMemoryDeps([]);
    world.states.set(job.messageId, { status: 'in_flight', attempts: 2, retry: 0 });

    await reportAbandonedJob(world.deps, {
      name: 'send-message',
      data: job,
      reason: 'job stalled more than allowable limit',
      log: world.log,
    });
    await reportAbandonedJob(world.deps, {
      name: 'send-message',
      data: job,
      reason: 'job stalled more than allowable limit',
      log: world.log,
    });

    expect(world.sent.map((e) => e.data)).toEqual([
      {
        outcome: 'failed',
        messageId: job.messageId,
        attempts: 2,
        error: { code: 0, title: 'abandoned: job stalled more than allowable limit', class: 'temporary' },
      },
    ]);
  });

  it('leaves a message alone whose outcome was recorded', async () => {
    const world = inMemoryDeps([]);
    world.states.set(job.messageId, { status: 'accepted', wamid: 'wamid.X', attempts: 1, retry: 0 });

    await reportAbandonedJob(world.deps, { name: 'send-message', data: job, reason: 'stalled', log: world.log });

    expect(world.sent).toEqual([]);
  });
});
