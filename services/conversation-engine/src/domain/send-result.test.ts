import { describe, expect, it } from 'vitest';
import { settleSendResult } from './send-result';

const undeliverable = { code: 131026, title: 'Message undeliverable' };
const accepted = (...pending: { status: string; error?: { code: number; title: string } }[]) =>
  ({ outcome: 'accepted', pending: pending.map((p) => ({ status: p.status, error: p.error ?? null })) }) as const;

describe('applying a send result', () => {
  it('moves a queued message to sent, then applies statuses that raced ahead, forward only', () => {
    expect(settleSendResult({ status: 'queued', sendRetry: 0 }, 0, accepted({ status: 'read' }, { status: 'delivered' }))).toEqual({
      kind: 'update',
      status: 'read',
      error: undefined,
      sendRetry: 0,
    });
  });

  it('records a failure with its code and title', () => {
    expect(settleSendResult({ status: 'queued', sendRetry: 0 }, 0, { outcome: 'failed', error: undeliverable })).toEqual({
      kind: 'update',
      status: 'failed',
      error: undeliverable,
      sendRetry: 0,
    });
  });

  it("lets an admin retry's acceptance move a failed message to sent, clearing the old error", () => {
    expect(settleSendResult({ status: 'failed', sendRetry: 0 }, 1, accepted({ status: 'delivered' }))).toEqual({
      kind: 'update',
      status: 'delivered',
      error: null,
      sendRetry: 1,
    });
  });

  it("replaces the error with a retry's newer failure", () => {
    const blocked = { code: 368, title: 'Temporarily blocked' };
    expect(settleSendResult({ status: 'failed', sendRetry: 1 }, 2, { outcome: 'failed', error: blocked })).toMatchObject({
      status: 'failed',
      error: blocked,
      sendRetry: 2,
    });
  });

  it('treats a result of an older round as stale', () => {
    expect(settleSendResult({ status: 'sent', sendRetry: 2 }, 1, { outcome: 'failed', error: undeliverable })).toEqual({ kind: 'stale' });
    expect(settleSendResult({ status: 'sent', sendRetry: 1 }, 0, accepted())).toEqual({ kind: 'stale' });
  });

  it('keeps failed terminal within a round: a late acceptance of the same round changes nothing', () => {
    expect(settleSendResult({ status: 'failed', sendRetry: 0 }, 0, accepted())).toMatchObject({ status: 'failed', error: undefined });
  });
});
