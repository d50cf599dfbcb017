import { afterEach, describe, expect, it } from 'vitest';
import { sendResultEventIdFor, type DeadLetter } from '@app/contracts';
import { buildBsuidSendJob, buildSendJob, createHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const actor = { id: 'admin-1', name: 'Admin', role: 'admin' };
type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Page = { items: DeadLetter[]; next_cursor: string | null; total: number };

/** Queues a message that Meta refuses for good, and waits until it is a dead letter. */
async function deadLetter(harness: Harness, code = 131026, title = 'Message undeliverable') {
  const job = buildSendJob();
  harness.fake.scriptFor(job.to, { kind: 'error', status: 400, code, title });
  await harness.enqueue(job, job.messageId);
  await harness.jobInState(job.messageId, 'failed');
  return job;
}

describe('dead letters', () => {
  it('lists failed messages newest first, a page at a time, with their code, title, class and attempts', async () => {
    h = await createHarness();
    await h.startSender();
    const first = await deadLetter(h, 131026, 'Message undeliverable');
    const second = await deadLetter(h, 131047, 'Re-engagement message');
    const third = await deadLetter(h, 368, 'Temporarily blocked for policies violations');
    const fine = buildSendJob();
    await h.enqueue(fine, fine.messageId);
    await h.resultFor(fine.messageId);

    const page1 = (await h.rpc('dead-letters.list', { actor, limit: 2 })) as Reply<Page>;
    const page2 = page1.ok
      ? ((await h.rpc('dead-letters.list', { actor, limit: 2, cursor: page1.data.next_cursor })) as Reply<Page>)
      : page1;

    expect(page1).toMatchObject({ ok: true, data: { total: 3, next_cursor: '2' } });
    expect(page2).toMatchObject({ ok: true, data: { total: 3, next_cursor: null } });
    const items = [...(page1.ok ? page1.data.items : []), ...(page2.ok ? page2.data.items : [])];
    expect(items.map((i) => i.message_id)).toEqual([third.messageId, second.messageId, first.messageId]);
    expect(items[2]).toEqual({
      message_id: first.messageId,
      to: first.to,
      kind: 'text',
      error: { code: 131026, title: 'Message undeliverable', class: 'permanent' },
      attempts: 1,
      retries: 0,
      failed_at: expect.any(String),
    });
    expect(Date.parse(items[0]!.failed_at)).toBeGreaterThanOrEqual(Date.parse(items[2]!.failed_at));
  });

  it('names a failed message to a student without a known phone by their business-scoped user id', async () => {
    h = await createHarness();
    await h.startSender();
    const job = buildBsuidSendJob();
    h.fake.scriptFor(job.recipient, { kind: 'error', status: 400, code: 131026, title: 'Message undeliverable' });
    await h.enqueue(job, job.messageId);
    await h.jobInState(job.messageId, 'failed');

    const page = (await h.rpc('dead-letters.list', { actor })) as Reply<Page>;

    expect(page).toMatchObject({
      ok: true,
      data: { total: 1, items: [{ message_id: job.messageId, to: job.recipient, kind: 'text', error: { code: 131026 } }] },
    });
  });

  it('refuses a cursor it never gave', async () => {
    h = await createHarness();
    await h.startSender();
    expect(await h.rpc('dead-letters.list', { actor, cursor: 'abc' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await h.rpc('dead-letters.list', { actor, limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('sends a retried message again exactly once, refuses a second retry while the first is pending, and reports the new outcome under a new id', async () => {
    h = await createHarness();
    const { fake, rpc, resultsFor, delivery, jobInState } = h;
    await h.startSender();
    const job = await deadLetter(h);
    const firstResult = await h.resultFor(job.messageId);
    // The retry's send is held at the fake for a moment: it is still pending when the second retry comes.
    fake.scriptFor(job.to, { kind: 'delay', ms: 1_500, then: { kind: 'accept' } });

    const retried = (await rpc('dead-letters.retry', { actor, message_id: job.messageId, correlationId: 'corr-retry' })) as Reply<{
      retry: number;
    }>;
    const again = await rpc('dead-letters.retry', { actor, message_id: job.messageId, correlationId: 'corr-retry-2' });
    const newResult = await delivery.waitFor(
      () => resultsFor(job.messageId).find((r) => r.data.outcome === 'accepted'),
      'the retried result',
    );
    await jobInState(job.messageId, 'completed');

    expect(retried).toEqual({ ok: true, data: { message_id: job.messageId, retry: 1 } });
    expect(again).toMatchObject({ ok: false, error: { code: 'retry_pending' } });
    expect(fake.requests.filter((r) => r.body.to === job.to).map((r) => r.outcome)).toEqual(['error', 'accepted']);
    expect(newResult.id).toBe(sendResultEventIdFor(job.messageId, 1));
    expect(newResult.id).not.toBe(firstResult.id);
    expect(newResult.data).toMatchObject({
      outcome: 'accepted',
      attempts: 1,
      wamid: fake.accepted().find((r) => r.body.to === job.to)?.wamid,
    });
    // Accepted now: it is no dead letter any more, and a retry of it is refused.
    expect(await rpc('dead-letters.list', { actor })).toMatchObject({ ok: true, data: { total: 0, items: [] } });
    expect(await rpc('dead-letters.retry', { actor, message_id: job.messageId, correlationId: 'c3' })).toMatchObject({
      ok: false,
      error: { code: 'not_failed' },
    });
  });

  it('lets one of two simultaneous retries through and sends once', async () => {
    h = await createHarness();
    const { fake, rpc } = h;
    await h.startSender();
    await h.startSender();
    const job = await deadLetter(h);

    const replies = (await Promise.all([
      rpc('dead-letters.retry', { actor, message_id: job.messageId, correlationId: 'c1' }),
      rpc('dead-letters.retry', { actor, message_id: job.messageId, correlationId: 'c2' }),
    ])) as Reply<{ retry: number }>[];
    await h.jobInState(job.messageId, 'completed');

    expect(replies.filter((r) => r.ok)).toEqual([{ ok: true, data: { message_id: job.messageId, retry: 1 } }]);
    expect(replies.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: expect.stringMatching(/^(retry_pending|not_failed)$/) }) }),
    ]);
    expect(fake.accepted().filter((r) => r.body.to === job.to)).toHaveLength(1);
  });

  it('reports a second failure of a retried message with the retry number, and counts the retries', async () => {
    h = await createHarness();
    const { fake, rpc, resultsFor, delivery } = h;
    await h.startSender();
    const job = await deadLetter(h);
    fake.scriptFor(job.to, { kind: 'error', status: 400, code: 131047, title: 'Re-engagement message' });

    await rpc('dead-letters.retry', { actor, message_id: job.messageId, correlationId: 'c1' });
    const second = await delivery.waitFor(
      () => resultsFor(job.messageId).find((r) => r.id === sendResultEventIdFor(job.messageId, 1)),
      'the retry result',
    );
    await h.jobInState(job.messageId, 'failed');
    const page = (await rpc('dead-letters.list', { actor })) as Reply<Page>;

    expect(second.data).toMatchObject({ outcome: 'failed', error: { code: 131047 }, attempts: 1 });
    expect(page).toMatchObject({ ok: true, data: { items: [{ message_id: job.messageId, retries: 1, error: { code: 131047 } }] } });
  });

  it('answers not_found for a message it never failed', async () => {
    h = await createHarness();
    await h.startSender();
    const reply = await h.rpc('dead-letters.retry', { actor, message_id: buildSendJob().messageId, correlationId: 'c' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
