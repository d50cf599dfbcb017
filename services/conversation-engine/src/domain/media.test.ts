import { describe, expect, it } from 'vitest';
import { planMediaDownload } from './media';

const ctx = { wamid: 'wamid.IN-1', from: '447700900123', correlationId: 'corr-1' };

describe('planning the download of what a student sent', () => {
  it('downloads an image with what the webhook said of it', () => {
    const plan = planMediaDownload(
      { kind: 'media', mediaType: 'image', mediaId: '1234567890', mimeType: 'image/jpeg', sha256: 'abc', caption: 'my homework' },
      ctx,
    );
    expect(plan).toEqual({
      kind: 'download',
      record: { mediaId: '1234567890', kind: 'image', mimeType: 'image/jpeg', sha256: 'abc', caption: 'my homework', filename: null },
      job: {
        version: 1,
        mediaId: '1234567890',
        messageId: 'wamid.IN-1',
        from: '447700900123',
        mimeType: 'image/jpeg',
        sha256: 'abc',
        correlationId: 'corr-1',
      },
    });
  });

  it('fails at once a media id the sender could not store under', () => {
    const plan = planMediaDownload({ kind: 'media', mediaType: 'document', mediaId: '../../etc/passwd', filename: 'x.pdf' }, ctx);
    expect(plan).toMatchObject({ kind: 'invalid', record: { mediaId: '../../etc/passwd', kind: 'document', filename: 'x.pdf' } });
  });

  it('plans nothing for a message without a file', () => {
    expect(planMediaDownload({ kind: 'text', text: 'hi' }, ctx)).toBeUndefined();
    expect(planMediaDownload({ kind: 'unsupported', type: 'sticker' }, ctx)).toBeUndefined();
  });
});
