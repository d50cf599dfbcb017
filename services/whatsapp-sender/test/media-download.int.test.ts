import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaDownloadJobId, mediaEventId, type MediaDownloadFailedV1 } from '@app/contracts';
import { createFsMediaStore } from '@app/media-store';
import type { FakeMediaOptions } from '@app/testing';
import { createHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MAX = 100_000;

async function download(harness: Harness, media: FakeMediaOptions | { id: string }) {
  const id = 'content' in media ? harness.fake.addMedia(media).id : media.id;
  const messageId = `wamid.${randomBytes(8).toString('hex')}`;
  await harness.enqueueMedia(
    { version: 1, mediaId: id, messageId, from: '447700900123', correlationId: `corr-${id}` },
    mediaDownloadJobId(id),
  );
  return { id, messageId };
}

const failureOf = (harness: Harness, mediaId: string): Promise<MediaDownloadFailedV1> =>
  harness.delivery.waitFor(() => harness.delivery.mediaFailed().find((e) => e.data.mediaId === mediaId), `the failure of media ${mediaId}`);

/** Requests to the download URL (each test's fake serves one media file). */
const downloads = (harness: Harness) => harness.fake.mediaRequests.filter((r) => r.path.startsWith('/whatsapp_business'));

describe('inbound media downloads', () => {
  it('downloads with the Bearer token, stores the bytes and reports key, type, size and sha256', async () => {
    h = await createHarness({ MEDIA_MAX_BYTES: String(MAX) });
    await h.startSender();
    const content = randomBytes(80_000);

    const { id, messageId } = await download(h, { content, mimeType: 'application/pdf' });
    const event = await h.delivery.waitFor(() => h!.delivery.mediaDownloaded().find((e) => e.data.mediaId === id), 'the downloaded event');
    const stored = await createFsMediaStore({ dir: h.mediaDir }).get(event.data.storageKey);

    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(event).toMatchObject({
      id: mediaEventId(id, 'downloaded'),
      correlationId: `corr-${id}`,
      data: { mediaId: id, messageId, mimeType: 'application/pdf', size: content.length, sha256 },
    });
    expect(stored).toMatchObject({ contentType: 'application/pdf', size: content.length });
    expect((await buffer(stored!.stream)).equals(content)).toBe(true);
    expect(
      h.fake.mediaRequests.map((r) => [r.method, r.path.startsWith('/whatsapp_business') ? 'download' : r.path, r.authorization]),
    ).toEqual([
      ['GET', `/v25.0/${id}`, `Bearer ${h.fake.token}`],
      ['GET', 'download', `Bearer ${h.fake.token}`],
    ]);
    await h.jobInState(mediaDownloadJobId(id), 'completed', 15_000, h.mediaQueue);
  });

  it("accepts Meta's sha256 in base64 too", async () => {
    h = await createHarness();
    await h.startSender();
    const { id } = await download(h, { content: randomBytes(5_000), sha256Encoding: 'base64' });
    const event = await h.delivery.waitFor(() => h!.delivery.mediaDownloaded().find((e) => e.data.mediaId === id), 'the downloaded event');
    expect(event.data.size).toBe(5_000);
  });

  it('retries a 5xx on the metadata and then downloads', async () => {
    h = await createHarness();
    await h.startSender();
    const id = h.fake.addMedia({ content: randomBytes(1_000) }).id;
    h.fake.scriptMedia(id, { kind: 'error', status: 500, code: 2, title: 'Service temporarily unavailable' });

    await download(h, { id });
    await h.delivery.waitFor(() => h!.delivery.mediaDownloaded().find((e) => e.data.mediaId === id), 'the downloaded event');

    expect(h.fake.mediaRequests.filter((r) => r.path === `/v25.0/${id}`).map((r) => r.status)).toEqual([500, 200]);
  });

  it('fails an expired media id (404) at once as expired', async () => {
    h = await createHarness();
    await h.startSender();
    const id = h.fake.addMedia({ content: randomBytes(1_000) }).id;
    h.fake.expireMedia(id);

    const { messageId } = await download(h, { id });
    const failure = await failureOf(h, id);

    expect(failure).toMatchObject({ id: mediaEventId(id, 'failed'), data: { mediaId: id, messageId, reason: 'expired', attempts: 1 } });
    expect(failure.data.detail).toContain('does not exist');
    expect(h.fake.mediaRequests.map((r) => r.status)).toEqual([404]);
    await h.jobInState(mediaDownloadJobId(id), 'failed', 15_000, h.mediaQueue);
  });

  it('refuses a file Meta announces over MEDIA_MAX_BYTES without downloading it', async () => {
    h = await createHarness({ MEDIA_MAX_BYTES: String(MAX) });
    await h.startSender();

    const { id } = await download(h, { content: randomBytes(MAX + 1) });
    const failure = await failureOf(h, id);

    expect(failure.data).toMatchObject({ reason: 'oversize', attempts: 1 });
    expect(h.fake.mediaRequests).toHaveLength(1);
  });

  it('aborts a download that streams past MEDIA_MAX_BYTES and keeps nothing of it', async () => {
    h = await createHarness({ MEDIA_MAX_BYTES: String(MAX) });
    await h.startSender();

    // Meta announces a small file, and the download has no Content-Length: only counting finds out. The
    // fake sends it slowly, so that the sender's giving up is seen before the last byte is written.
    const { id } = await download(h, { content: randomBytes(40 * MAX), fileSize: 1_000, chunked: true, chunkDelayMs: 20 });
    const failure = await failureOf(h, id);

    expect(failure.data).toMatchObject({ reason: 'oversize', attempts: 1 });
    const [transfer] = downloads(h);
    await h.delivery.waitFor(() => (transfer?.outcome === 'aborted' ? true : undefined), 'the download aborted at the fake');
    expect(await createFsMediaStore({ dir: h.mediaDir }).get(`whatsapp/${id}`)).toBeUndefined();
    expect(await readdir(path.join(h.mediaDir, 'tmp'))).toEqual([]);
  });

  it('retries a checksum mismatch, then reports it once the attempts are spent, keeping nothing', async () => {
    h = await createHarness({ MEDIA_MAX_ATTEMPTS: '2' });
    await h.startSender();

    const { id } = await download(h, { content: randomBytes(10_000), sha256: 'ab'.repeat(32) });
    const failure = await failureOf(h, id);

    expect(failure.data).toMatchObject({ reason: 'checksum_mismatch', attempts: 2 });
    expect(failure.data.detail).toContain(`meta says ${'ab'.repeat(32)}`);
    expect(downloads(h)).toHaveLength(2);
    expect(await createFsMediaStore({ dir: h.mediaDir }).get(`whatsapp/${id}`)).toBeUndefined();
  });
});
