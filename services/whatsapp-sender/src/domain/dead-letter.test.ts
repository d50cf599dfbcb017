import { describe, expect, it } from 'vitest';
import { toDeadLetter, parseCursor, type FailedJob } from './dead-letter';

const id = '0b6f3c1e-8d1a-4f4e-9a57-2f1f4b3b8c11';
const failedAt = Date.parse('2026-01-02T03:04:05.000Z');
const sendJob = (data: unknown): FailedJob => ({
  id,
  name: 'send-message',
  data,
  failedReason: 'permanent 131026: x',
  finishedOn: failedAt,
});
const valid = {
  version: 1,
  messageId: id,
  to: '447700900123',
  message: { kind: 'list', body: 'b', button: 'Open', sections: [{ rows: [{ id: 'a', title: 'A' }] }] },
  correlationId: 'c',
};

describe('toDeadLetter', () => {
  it('takes the code and title from the send state', () => {
    const error = { code: 131026, title: 'Message undeliverable', class: 'permanent' as const };
    expect(toDeadLetter(sendJob(valid), { status: 'failed', error, attempts: 1, retry: 2 })).toEqual({
      message_id: id,
      to: '447700900123',
      kind: 'list',
      error,
      attempts: 1,
      retries: 2,
      failed_at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('names a send to a student without a known phone by their business-scoped user id', () => {
    const { to: _, ...withoutPhone } = valid;
    expect(toDeadLetter(sendJob({ ...withoutPhone, recipient: 'NG.13491208655302741918' }), undefined)).toMatchObject({
      kind: 'list',
      to: 'NG.13491208655302741918',
    });
    // The phone, when the job has it, is what admins already know the student by.
    expect(toDeadLetter(sendJob({ ...valid, recipient: 'NG.13491208655302741918' }), undefined)).toMatchObject({ to: '447700900123' });
  });

  it('names the recipient of unreadable job data when it is a string, phone or user id', () => {
    expect(toDeadLetter(sendJob({ recipient: 'NG.1' }), undefined)).toMatchObject({ kind: 'invalid', to: 'NG.1' });
    expect(toDeadLetter(sendJob({ to: '447700900123', recipient: 'NG.1' }), undefined)).toMatchObject({
      kind: 'invalid',
      to: '447700900123',
    });
  });

  it('lists a mark-read request for a student named by their business-scoped user id', () => {
    const job: FailedJob = {
      id,
      name: 'mark-read',
      data: { version: 1, requestId: id, to: 'NG.13491208655302741918', wamid: 'wamid.X', correlationId: 'c' },
      failedReason: 'x',
      finishedOn: failedAt,
    };
    expect(toDeadLetter(job, undefined)).toMatchObject({ kind: 'mark_read', to: 'NG.13491208655302741918' });
  });

  it("describes a job with unreadable data by BullMQ's reason", () => {
    const letter = toDeadLetter({ ...sendJob({ to: 42 }), failedReason: 'invalid job data: to: expected string' }, undefined);
    expect(letter).toMatchObject({
      kind: 'invalid',
      to: null,
      attempts: 0,
      retries: 0,
      error: { code: 0, class: 'invalid_payload', title: 'invalid job data: to: expected string' },
    });
  });

  it('lists a mark-read request with its student', () => {
    const job: FailedJob = {
      id,
      name: 'mark-read',
      data: { version: 1, requestId: id, to: '447700900123', wamid: 'wamid.X', correlationId: 'c' },
      failedReason: 'x',
      finishedOn: failedAt,
    };
    expect(toDeadLetter(job, undefined)).toMatchObject({ kind: 'mark_read', to: '447700900123' });
  });
});

describe('parseCursor', () => {
  it('starts at 0 and reads the offsets it gave out', () => {
    expect(parseCursor(undefined)).toBe(0);
    expect(parseCursor('50')).toBe(50);
  });

  it('refuses a cursor it never gave', () => {
    expect(parseCursor('abc')).toBeUndefined();
    expect(parseCursor('-1')).toBeUndefined();
  });
});
