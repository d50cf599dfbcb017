import { afterEach, describe, expect, it } from 'vitest';
import { sendResultEventIdFor } from '@app/contracts';
import { buildMarkReadJob, createHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('mark-as-read', () => {
  it("posts Meta's read body with the typing indicator and reports the outcome", async () => {
    h = await createHarness();
    await h.startSender();
    const job = buildMarkReadJob({ typingIndicator: true });

    await h.enqueueMarkRead(job, job.requestId);
    const result = await h.delivery.waitFor(
      () => h!.delivery.readResults().find((r) => r.data.requestId === job.requestId),
      'the read result',
    );

    expect(h.fake.readReceipts().map((r) => r.body)).toEqual([
      { messaging_product: 'whatsapp', status: 'read', message_id: job.wamid, typing_indicator: { type: 'text' } },
    ]);
    expect(result).toMatchObject({
      id: sendResultEventIdFor(job.requestId, 0),
      type: 'whatsapp.outbound.read.result',
      correlationId: job.correlationId,
      data: { outcome: 'accepted', requestId: job.requestId, wamid: job.wamid, attempts: 1 },
    });
  });

  it('retries a temporary error like a send, and fails a permanent one with its code', async () => {
    h = await createHarness();
    await h.startSender();
    const retried = buildMarkReadJob();
    const refused = buildMarkReadJob();
    h.fake.script({ kind: 'error', status: 500, code: 131000, title: 'Something went wrong' });

    await h.enqueueMarkRead(retried, retried.requestId);
    const ok = await h.delivery.waitFor(
      () => h!.delivery.readResults().find((r) => r.data.requestId === retried.requestId),
      'the retried read',
    );
    h.fake.script({ kind: 'error', status: 400, code: 100, title: 'Invalid parameter' });
    await h.enqueueMarkRead(refused, refused.requestId);
    const failed = await h.delivery.waitFor(
      () => h!.delivery.readResults().find((r) => r.data.requestId === refused.requestId),
      'the refused read',
    );

    expect(ok.data).toMatchObject({ outcome: 'accepted', attempts: 2 });
    expect(failed.data).toEqual({
      outcome: 'failed',
      requestId: refused.requestId,
      wamid: refused.wamid,
      error: { code: 100, title: 'Invalid parameter', class: 'permanent' },
      attempts: 1,
    });
  });

  it('reports an invalid mark-read job as failed without calling the Cloud API', async () => {
    h = await createHarness();
    await h.startSender();
    const job = { ...buildMarkReadJob(), wamid: '' };

    await h.enqueueMarkRead(job, job.requestId);
    const result = await h.delivery.waitFor(
      () => h!.delivery.readResults().find((r) => r.data.requestId === job.requestId),
      'the read result',
    );

    expect(result.data).toMatchObject({ outcome: 'failed', attempts: 0, error: { code: 0, class: 'invalid_payload' } });
    expect(h.fake.requests).toHaveLength(0);
  });
});
