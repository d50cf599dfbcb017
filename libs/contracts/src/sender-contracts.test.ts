import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { senderRpc } from './admin/sender-rpc';
import { downloadMediaJobSchema, mediaDownloadJobId } from './jobs/download-media.job';
import { markReadJobSchema } from './jobs/mark-read.job';
import { sendResultEventId } from './events/outbound-send-result.v1';
import { sendResultEventIdFor, sendResultRetryOf } from './events/send-result-retry';

const actor = { id: 'u1', name: 'Ada', role: 'admin' as const };

describe('send result ids of retried messages', () => {
  const messageId = randomUUID();

  it('keeps the first result id and names each retry', () => {
    expect(sendResultEventIdFor(messageId, 0)).toBe(sendResultEventId(messageId));
    expect(sendResultEventIdFor(messageId, 2)).toBe(`${messageId}:result:2`);
  });

  it('reads the retry number back from an event id', () => {
    expect(sendResultRetryOf(sendResultEventIdFor(messageId, 0))).toBe(0);
    expect(sendResultRetryOf(sendResultEventIdFor(messageId, 3))).toBe(3);
  });
});

describe('the mark-read job', () => {
  it('defaults the typing indicator to off', () => {
    const job = markReadJobSchema.parse({ version: 1, requestId: randomUUID(), to: '447700900123', wamid: 'wamid.X', correlationId: 'c' });
    expect(job.typingIndicator).toBe(false);
  });

  it('refuses a job without the message to mark', () => {
    expect(markReadJobSchema.safeParse({ version: 1, requestId: randomUUID(), to: '447700900123', correlationId: 'c' }).success).toBe(
      false,
    );
  });
});

describe('the media download job', () => {
  it('refuses a media id that is not a safe key', () => {
    expect(downloadMediaJobSchema.safeParse({ version: 1, mediaId: './x', correlationId: 'c' }).success).toBe(false);
    expect(downloadMediaJobSchema.safeParse({ version: 1, mediaId: '1234567890', correlationId: 'c' }).success).toBe(true);
  });

  it('has a job id BullMQ accepts (no colon)', () => {
    expect(mediaDownloadJobId('123')).toBe('media-123');
  });
});

describe('sender RPC schemas', () => {
  it('defaults the dead-letter page size and caps it', () => {
    expect(senderRpc.listDeadLetters.request.parse({ actor }).limit).toBe(50);
    expect(senderRpc.listDeadLetters.request.safeParse({ actor, limit: 101 }).success).toBe(false);
  });

  it('reads a refusal with its code', () => {
    const reply = senderRpc.retryDeadLetter.reply.parse({ ok: false, error: { code: 'retry_pending', message: 'already queued' } });
    expect(reply).toEqual({ ok: false, error: { code: 'retry_pending', message: 'already queued' } });
  });
});
