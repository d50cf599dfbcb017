import { describe, expect, it } from 'vitest';
import { downloadMediaJobSchema } from '@app/contracts';
import { pollUntil } from '@app/testing';
import { MARY, type AdminRpc } from './admin-rpc';
import { deliveryDriver, type DeliveryDriver } from './delivery-driver';
import { useEngineWithAdmin, type EngineHarness } from './engine-harness';
import { studentTalking, type StudentTalking } from './student-driver';

const SHA = 'a'.repeat(64);

describe('the files students send', () => {
  let h: EngineHarness;
  let d: DeliveryDriver;
  let admin: AdminRpc;
  useEngineWithAdmin((world) => {
    ({ h, admin } = world);
    d = deliveryDriver(h);
  });

  const mediaJobs = async () => (await d.mediaJobs()).map((j) => ({ id: j.id, name: j.name, data: downloadMediaJobSchema.parse(j.data) }));
  const viewOf = async (student: StudentTalking, messageId: string) =>
    (await admin.ok('listMessages', { actor: MARY, student: student.phone })).items.find((m) => m.id === messageId);
  const inboundOf = async (student: StudentTalking, type: string) =>
    (await h.conversationRows(student.phone)).messages.find((m) => m.direction === 'inbound' && m.type === type)!;

  it("queues the download of an image through the outbox at once, while the bot's earlier reply still has no outcome", async () => {
    const student = studentTalking(h);
    await student.says('hi');
    await student.sendsImage({ id: '1040000000000001', mime_type: 'image/jpeg', sha256: SHA, caption: 'my homework' });
    const image = await inboundOf(student, 'image');

    const [job] = await pollUntil(async () => ((await mediaJobs()).length > 0 ? mediaJobs() : undefined), { message: 'the download job' });
    expect(job).toEqual({
      id: 'media-1040000000000001',
      name: 'download-media',
      data: {
        version: 1,
        mediaId: '1040000000000001',
        messageId: image.wamid,
        from: student.phone,
        mimeType: 'image/jpeg',
        sha256: SHA,
        correlationId: image.correlation_id,
      },
    });
    const sends = await d.outboxRows(student.phone, 'send');
    expect(sends.every((r) => r.completed_at === null)).toBe(true);
    expect(await viewOf(student, image.id)).toMatchObject({
      type: 'image',
      text: 'my homework',
      media: {
        id: image.id,
        kind: 'image',
        mime_type: 'image/jpeg',
        size: null,
        caption: 'my homework',
        filename: null,
        status: 'pending',
        failure_reason: null,
      },
    });
  });

  it('records a stored file, tells admins live, and says where it is', async () => {
    const student = studentTalking(h);
    await student.sendsDocument({ id: '1040000000000002', mime_type: 'application/pdf', sha256: SHA, filename: 'essay.pdf' });
    const doc = await inboundOf(student, 'document');
    await d.mediaDownloaded({
      mediaId: '1040000000000002',
      messageId: doc.wamid!,
      storageKey: 'whatsapp/1040000000000002',
      mimeType: 'application/pdf',
      size: 5120,
      sha256: SHA,
    });

    const event = await pollUntil(
      () => admin.eventsFor(student.phone).find((e) => e.event === 'message.status' && e.message?.id === doc.id),
      { message: 'the live update' },
    );
    expect(event.message?.media).toEqual({
      id: doc.id,
      kind: 'document',
      mime_type: 'application/pdf',
      size: 5120,
      caption: null,
      filename: 'essay.pdf',
      status: 'stored',
      failure_reason: null,
    });
    expect(await admin.ok('getMedia', { actor: MARY, message_id: doc.id })).toEqual({
      message_id: doc.id,
      kind: 'document',
      status: 'stored',
      storage_key: 'whatsapp/1040000000000002',
      mime_type: 'application/pdf',
      size: 5120,
      filename: 'essay.pdf',
    });
    const [download] = await d.outboxRows(student.phone, 'download_media');
    expect(download?.completed_at).not.toBeNull();
  });

  it('records a download given up for good with its reason', async () => {
    const student = studentTalking(h);
    await student.sendsImage({ id: '1040000000000003', mime_type: 'image/png', sha256: SHA });
    const image = await inboundOf(student, 'image');
    await d.mediaFailed({
      mediaId: '1040000000000003',
      messageId: image.wamid!,
      reason: 'expired',
      detail: 'Media not found',
      attempts: 1,
    });

    const failed = await pollUntil(
      async () => {
        const view = await viewOf(student, image.id);
        return view?.media?.status === 'failed' ? view : undefined;
      },
      { message: 'the failure recorded' },
    );
    expect(failed.media).toMatchObject({ status: 'failed', failure_reason: 'expired', size: null });
    expect(await admin.ok('getMedia', { actor: MARY, message_id: image.id })).toMatchObject({ status: 'failed', storage_key: null });
  });

  it('fails at once a media id that cannot be a storage key, and keeps nothing for a sticker', async () => {
    const student = studentTalking(h);
    await student.sendsImage({ id: 'not/a/media-id', mime_type: 'image/png', sha256: SHA });
    await student.sendsSticker();
    const image = await inboundOf(student, 'image');
    const sticker = await inboundOf(student, 'sticker');
    expect((await viewOf(student, image.id))?.media).toMatchObject({ status: 'failed', failure_reason: 'invalid_job' });
    expect((await viewOf(student, sticker.id))?.media).toBeNull();
    expect(await d.outboxRows(student.phone, 'download_media')).toEqual([]);
    expect(await admin.refusal('getMedia', { actor: MARY, message_id: sticker.id })).toMatchObject({ code: 'not_found' });
  });
});
