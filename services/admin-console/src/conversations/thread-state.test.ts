import { describe, expect, it } from 'vitest';
import { message } from '../testing/builders';
import { laterStatus, mergeMessages } from './thread-state';

describe('thread messages', () => {
  it('keeps one copy per id, oldest first, whichever way they arrive', () => {
    const a = message({ created_at: '2026-11-20T10:00:00.000Z' });
    const b = message({ created_at: '2026-11-20T10:01:00.000Z' });
    const c = message({ created_at: '2026-11-20T10:02:00.000Z' });
    expect(mergeMessages([b, c], [a, b]).map((m) => m.id)).toEqual([a.id, b.id, c.id]);
    expect(mergeMessages([a], [c, b, c]).map((m) => m.id)).toEqual([a.id, b.id, c.id]);
  });

  it('moves a status forward only', () => {
    const sent = message({ direction: 'outbound', author: 'agent', status: 'sent' });
    expect(mergeMessages([sent], [{ ...sent, status: 'read' }])[0]?.status).toBe('read');
    expect(mergeMessages([{ ...sent, status: 'read' }], [{ ...sent, status: 'delivered' }])[0]?.status).toBe('read');
    expect(mergeMessages([{ ...sent, status: 'queued' }], [sent])[0]?.status).toBe('sent');
  });

  it('lets a failure end a message not yet delivered, never one already delivered', () => {
    expect(laterStatus('sent', 'failed')).toBe('failed');
    expect(laterStatus('failed', 'queued')).toBe('failed');
    expect(laterStatus('delivered', 'failed')).toBe('delivered');
    expect(laterStatus('failed', 'read')).toBe('read');
  });

  it("keeps a queued message's latest retry note, whichever view arrives last, and none once it is sent", () => {
    const note = (attempt: number) => ({
      reason: 'pair_rate_limit' as const,
      code: 131056,
      attempt,
      next_attempt_at: `2026-11-20T10:0${attempt}:00.000Z`,
    });
    const queued = message({ direction: 'outbound', author: 'bot', status: 'queued', retrying: null });
    const second = { ...queued, retrying: note(2) };
    expect(mergeMessages([queued], [second])[0]?.retrying).toEqual(note(2));
    expect(mergeMessages([second], [{ ...queued, retrying: note(1) }])[0]?.retrying).toEqual(note(2));
    expect(mergeMessages([second], [queued])[0]?.retrying).toEqual(note(2));
    expect(mergeMessages([second], [{ ...queued, status: 'sent' }])[0]).toMatchObject({ status: 'sent', retrying: null });
    expect(mergeMessages([{ ...queued, status: 'sent' }], [second])[0]).toMatchObject({ status: 'sent', retrying: null });
  });

  it('keeps the order a page gave to messages of the same instant', () => {
    const at = '2026-11-20T10:00:00.000Z';
    const first = message({ created_at: at, text: 'first' });
    const second = message({ created_at: at, text: 'second' });
    expect(mergeMessages([], [first, second]).map((m) => m.text)).toEqual(['first', 'second']);
  });
});
