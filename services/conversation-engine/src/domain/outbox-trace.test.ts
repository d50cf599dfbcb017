import { describe, expect, it } from 'vitest';
import type { OutboxJob } from './outbox-job';
import { withStoredTrace } from './outbox-trace';

const send: OutboxJob = {
  kind: 'send',
  data: {
    version: 1,
    messageId: '8f0b8c1e-3f59-4e8a-9f57-1a8f0f3f9a11',
    to: '447700900123',
    message: { kind: 'text', body: 'hi' },
    correlationId: 'c-1',
  },
};
const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('withStoredTrace', () => {
  it("puts the row's trace context into a send job, from jsonb or from text", () => {
    expect(withStoredTrace(send, { traceparent })).toEqual({ kind: 'send', data: { ...send.data, trace: { traceparent } } });
    expect(withStoredTrace(send, JSON.stringify({ traceparent, tracestate: 'k=v' }))).toMatchObject({
      data: { trace: { traceparent, tracestate: 'k=v' } },
    });
  });

  it('leaves the job as it is without a trace context, or with one that does not read', () => {
    expect(withStoredTrace(send, null)).toBe(send);
    expect(withStoredTrace(send, undefined)).toBe(send);
    expect(withStoredTrace(send, { traceparent: 'x'.repeat(500) })).toBe(send);
    expect(withStoredTrace(send, '{not json')).toBe(send);
  });

  it('adds nothing to jobs other than sends', () => {
    const download = { kind: 'download_media', data: {} } as unknown as OutboxJob;
    expect(withStoredTrace(download, { traceparent })).toBe(download);
  });
});
