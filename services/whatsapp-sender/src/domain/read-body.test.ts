import { describe, expect, it } from 'vitest';
import { markReadJobSchema } from '@app/contracts';
import { buildReadBody } from './read-body';

const job = (typingIndicator?: boolean) =>
  markReadJobSchema.parse({
    version: 1,
    requestId: '0b6f3c1e-8d1a-4f4e-9a57-2f1f4b3b8c11',
    to: '447700900123',
    wamid: 'wamid.IN',
    correlationId: 'c',
    typingIndicator,
  });

describe('buildReadBody', () => {
  it('marks a message read', () => {
    expect(buildReadBody(job())).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN' });
  });

  it('adds the typing indicator when asked', () => {
    expect(buildReadBody(job(true))).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.IN',
      typing_indicator: { type: 'text' },
    });
  });

  it('never names the recipient: Meta finds the chat from the message', () => {
    expect(buildReadBody(job(true))).not.toHaveProperty('to');
  });
});
