import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTcpProxy, testInfra, type TcpProxy } from '@app/testing';
import { buildBsuidSendJob, buildSendJob, createHarness, PHONE_NUMBER_ID, type Harness } from './harness';

let h: Harness | undefined;
let proxy: TcpProxy | undefined;
const harness = async (env: Record<string, string> = {}) => (h = await createHarness(env));

afterEach(async () => {
  await h?.close();
  h = undefined;
  await proxy?.close();
  proxy = undefined;
});

describe('whatsapp-sender', () => {
  it('sends a text job as exactly one POST and publishes the accepted result with its wamid', async () => {
    const { fake, enqueue, resultFor, jobInState, startSender } = await harness();
    const sender = await startSender();
    const job = buildSendJob();

    await enqueue(job, job.messageId);
    const result = await resultFor(job.messageId);

    const [request] = fake.requests;
    expect(fake.requests).toHaveLength(1);
    expect(request).toMatchObject({
      method: 'POST',
      path: `/v25.0/${PHONE_NUMBER_ID}/messages`,
      authorization: `Bearer ${fake.token}`,
      outcome: 'accepted',
    });
    expect(request?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: job.to,
      type: 'text',
      text: { body: 'Your timetable is ready' },
      biz_opaque_callback_data: job.messageId,
    });
    expect(result).toMatchObject({
      id: `${job.messageId}:result`,
      type: 'whatsapp.outbound.send.result',
      version: 1,
      correlationId: job.correlationId,
      data: { outcome: 'accepted', messageId: job.messageId, wamid: request?.wamid, attempts: 1 },
    });
    await jobInState(job.messageId, 'completed');

    const metrics = await (await fetch(`${sender.url}/metrics`)).text();
    expect(metrics).toMatch(/whatsapp_sender_send_attempts_total\{[^}]*outcome="accepted"[^}]*\} 1\b/);
    expect(metrics).toMatch(/whatsapp_sender_cloud_api_request_duration_seconds_count\{[^}]*status="2xx"[^}]*\} 1\b/);
    expect(metrics).toMatch(/^dependency_up\{dependency="redis",service="whatsapp-sender"\} 1$/m);
    expect(metrics).toMatch(/^dependency_up\{dependency="nats",service="whatsapp-sender"\} 1$/m);
  });

  it("sends a job without a phone to Meta's top-level recipient (the business-scoped user id), with no to", async () => {
    const { fake, enqueue, resultFor, jobInState, startSender } = await harness();
    await startSender();
    const job = buildBsuidSendJob({
      message: { kind: 'buttons', body: 'What do you need?', buttons: [{ id: 'support', title: 'Chat Support' }] },
    });

    await enqueue(job, job.messageId);
    const result = await resultFor(job.messageId);

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ outcome: 'accepted', status: 200 });
    expect(request?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      recipient: job.recipient,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'What do you need?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'support', title: 'Chat Support' } }] },
      },
      biz_opaque_callback_data: job.messageId,
    });
    expect(result.data).toEqual({ outcome: 'accepted', messageId: job.messageId, wamid: request?.wamid, attempts: 1 });
    await jobInState(job.messageId, 'completed');
  });

  it('holds back and retries a message to a business-scoped user id on its own, as one to a phone', async () => {
    const { fake, enqueue, resultFor, startSender } = await harness();
    await startSender();
    const job = buildBsuidSendJob();
    fake.scriptFor(job.recipient, { kind: 'error', status: 500, code: 131000, title: 'Something went wrong' });

    await enqueue(job, job.messageId);
    const result = await resultFor(job.messageId);

    expect(fake.requests.map((r) => [r.body.recipient, r.body.to, r.status])).toEqual([
      [job.recipient, undefined, 500],
      [job.recipient, undefined, 200],
    ]);
    expect(result.data).toMatchObject({ outcome: 'accepted', attempts: 2 });
  });

  it('refuses a job that names neither a phone nor a user id without calling the cloud api, and reports it failed', async () => {
    const { fake, enqueue, resultFor, jobInState, startSender } = await harness();
    await startSender();
    const { recipient: _, ...nobody } = buildBsuidSendJob();

    await enqueue(nobody, nobody.messageId);
    const result = await resultFor(nobody.messageId);

    expect(result.data).toMatchObject({ outcome: 'failed', messageId: nobody.messageId, attempts: 0, error: { class: 'invalid_payload' } });
    await jobInState(nobody.messageId, 'failed');
    expect(fake.requests).toHaveLength(0);
  });

  it('retries 5xx answers with backoff and sends once Meta accepts', async () => {
    const { fake, enqueue, resultFor, startSender } = await harness();
    await startSender();
    fake.script(
      { kind: 'error', status: 500, code: 131000, title: 'Something went wrong' },
      { kind: 'error', status: 500, code: 131000, title: 'Something went wrong' },
    );
    const job = buildSendJob();

    await enqueue(job, job.messageId);
    const result = await resultFor(job.messageId);

    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(fake.accepted()).toHaveLength(1);
    expect(result.data).toEqual({ outcome: 'accepted', messageId: job.messageId, wamid: fake.accepted()[0]?.wamid, attempts: 3 });
    // Exponential backoff from 50 ms with equal jitter: ceilings 50 + 100 ms, each wait at least half its ceiling.
    const [first, , third] = fake.requests;
    expect((third?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(75);
  });

  it('announces a pair rate limit once with the time of the next attempt, then publishes the result', async () => {
    const { fake, enqueue, resultFor, delivery, startSender } = await harness();
    await startSender();
    fake.script({ kind: 'error', status: 400, code: 131056, title: 'Pair rate limit hit' });
    const job = buildSendJob();

    await enqueue(job, job.messageId);
    const result = await resultFor(job.messageId);

    expect(fake.requests.map((r) => r.status)).toEqual([400, 200]);
    expect(result.data).toMatchObject({ outcome: 'accepted', attempts: 2 });
    // The stream is read in order: the result was read, so every note published before it was too.
    const notes = delivery.sendRetrying().filter((e) => e.data.messageId === job.messageId);
    expect(notes).toEqual([
      {
        id: `${job.messageId}:retrying:1`,
        type: 'whatsapp.outbound.send.retrying',
        version: 1,
        occurredAt: expect.any(String),
        correlationId: job.correlationId,
        data: {
          messageId: job.messageId,
          attempt: 1,
          reason: 'pair_rate_limit',
          code: 131056,
          title: 'Pair rate limit hit',
          nextAttemptAt: expect.any(String),
        },
      },
    ]);
    // Due one backoff after the note: SENDER_PAIR_BACKOFF_MS (100) with equal jitter, so 50 to 100 ms.
    const dueIn = Date.parse(notes[0]!.data.nextAttemptAt) - Date.parse(notes[0]!.occurredAt);
    expect(dueIn).toBeGreaterThanOrEqual(50);
    expect(dueIn).toBeLessThanOrEqual(100);
    expect(delivery.order().filter((id) => id.startsWith(job.messageId))).toEqual([
      `${job.messageId}:retrying:1`,
      `${job.messageId}:result`,
    ]);
  });

  it('publishes no retrying note for a message accepted at once', async () => {
    const { enqueue, resultFor, delivery, startSender } = await harness();
    await startSender();
    const job = buildSendJob();

    await enqueue(job, job.messageId);
    await resultFor(job.messageId);

    expect(delivery.order()).toEqual([`${job.messageId}:result`]);
  });

  it('fails a 400 with code 100 after exactly one attempt', async () => {
    const { fake, enqueue, resultFor, jobInState, startSender } = await harness();
    await startSender();
    fake.script({ kind: 'error', status: 400, code: 100, title: 'Invalid parameter' });
    const job = buildSendJob();

    await enqueue(job, job.messageId);
    const result = await resultFor(job.messageId);
    await jobInState(job.messageId, 'failed');

    expect(result.data).toEqual({
      outcome: 'failed',
      messageId: job.messageId,
      error: { code: 100, title: 'Invalid parameter', class: 'permanent' },
      attempts: 1,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a retryable error on the last allowed attempt as failed, classified by its Meta code', async () => {
    const { fake, enqueue, resultFor, jobInState, startSender } = await harness({ SENDER_MAX_ATTEMPTS: '2' });
    await startSender();
    fake.script(
      { kind: 'error', status: 503, code: 131000, title: 'Something went wrong' },
      // Meta answers its throughput limit with HTTP 400: the code, not the status, makes it retryable.
      { kind: 'error', status: 400, code: 130429, title: 'Rate limit hit' },
      { kind: 'accept' },
    );
    const job = buildSendJob();

    await enqueue(job, job.messageId);
    const result = await resultFor(job.messageId);
    await jobInState(job.messageId, 'failed');

    expect(result.data).toEqual({
      outcome: 'failed',
      messageId: job.messageId,
      error: { code: 130429, title: 'Rate limit hit', class: 'throughput' },
      attempts: 2,
    });
    expect(fake.requests).toHaveLength(2);
  });

  it('does not call the API again for a message whose wamid is already recorded', async () => {
    const { fake, queue, enqueue, resultFor, jobInState, startSender } = await harness();
    await startSender();
    const job = buildSendJob();
    await enqueue(job, job.messageId);
    const first = await resultFor(job.messageId);
    await (await jobInState(job.messageId, 'completed')).remove();

    // The relay repeats itself after BullMQ dropped the finished job: same job id, same message.
    await enqueue(job, job.messageId);
    const again = await jobInState(job.messageId, 'completed');

    expect(fake.requests).toHaveLength(1);
    expect(again.returnvalue).toEqual(first.data);
    expect(await queue.getJobCounts('failed', 'delayed', 'wait')).toEqual({ failed: 0, delayed: 0, wait: 0 });
  });

  it('retries a request that timed out', async () => {
    const { fake, enqueue, resultFor, startSender } = await harness({ SENDER_HTTP_TIMEOUT_MS: '1000' });
    await startSender();
    fake.script({ kind: 'hang' });
    const job = buildSendJob();

    await enqueue(job, job.messageId);
    const result = await resultFor(job.messageId);

    expect(fake.requests.map((r) => r.outcome)).toEqual(['aborted', 'accepted']);
    expect(result.data).toEqual({ outcome: 'accepted', messageId: job.messageId, wamid: fake.accepted()[0]?.wamid, attempts: 2 });
  });

  it('fails invalid job data without any HTTP call and reports it against the message', async () => {
    const { fake, enqueue, resultFor, jobInState, startSender } = await harness();
    await startSender();
    const job = { ...buildSendJob(), to: '+44 7700 900123' };

    await enqueue(job, job.messageId);
    const result = await resultFor(job.messageId);
    await jobInState(job.messageId, 'failed');

    expect(result.correlationId).toBe(job.correlationId);
    expect(result.data).toMatchObject({
      outcome: 'failed',
      messageId: job.messageId,
      attempts: 0,
      error: { code: 0, class: 'invalid_payload' },
    });
    expect(result.data.outcome === 'failed' && result.data.error.title).toContain('to:');
    expect(fake.requests).toHaveLength(0);
  });

  it('drops a job that names no message id without publishing anything', async () => {
    const { fake, enqueue, jobInState, storedResultCount, startSender } = await harness();
    await startSender();
    const jobId = `not-a-uuid-${randomUUID()}`;

    await enqueue({ hello: 'world' }, jobId);
    const job = await jobInState(jobId, 'failed');

    expect(job.failedReason).toMatch(/invalid job data/);
    expect(await storedResultCount()).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });

  it('answers /readyz 200 while Redis and NATS answer', async () => {
    const { startSender } = await harness();
    const sender = await startSender();

    const ready = await fetch(`${sender.url}/readyz`);
    const health = await fetch(`${sender.url}/healthz`);

    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', down: [], checks: { redis: 'up', nats: 'up' } });
    expect(health.status).toBe(200);
  });

  it('answers /readyz 503 naming redis while Redis is unreachable, and 200 again once it is back', async () => {
    proxy = await startTcpProxy(testInfra.redisUrl);
    const { startSender } = await harness({ REDIS_URL: proxy.url('redis') });
    const sender = await startSender();

    proxy.cut();
    const down = await fetch(`${sender.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ down: ['redis'], checks: { redis: 'down', nats: 'up' } });

    proxy.restore();
    await expect.poll(async () => (await fetch(`${sender.url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
  });
});
