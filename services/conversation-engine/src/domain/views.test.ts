import { describe, expect, it } from 'vitest';
import { toMessageView, type MessageViewRow } from './views';

const row = (overrides: Partial<MessageViewRow> = {}): MessageViewRow => ({
  id: '6f1c2a4e-3b7d-4e8a-9c0f-1a2b3c4d5e6f',
  direction: 'outbound',
  author: 'bot',
  agent_name: null,
  type: 'text',
  text: 'Your timetable',
  status: 'queued',
  error: null,
  created_at: new Date('2026-12-04T14:02:50.000Z'),
  retry_reason: 'pair_rate_limit',
  retry_code: 131056,
  retry_attempt: 2,
  next_attempt_at: new Date('2026-12-04T14:03:12.000Z'),
  ...overrides,
});

describe("a message view's retry note", () => {
  it('shows the note of a queued message', () => {
    expect(toMessageView(row()).retrying).toEqual({
      reason: 'pair_rate_limit',
      code: 131056,
      attempt: 2,
      next_attempt_at: '2026-12-04T14:03:12.000Z',
    });
  });

  it('shows none once the message left queued, nor a note that is incomplete or of an unknown reason', () => {
    expect(toMessageView(row({ status: 'sent' })).retrying).toBeNull();
    expect(toMessageView(row({ status: 'failed', error: { code: 131056, title: 'Pair rate limit hit' } })).retrying).toBeNull();
    expect(toMessageView(row({ next_attempt_at: null })).retrying).toBeNull();
    expect(toMessageView(row({ retry_reason: 'policy' })).retrying).toBeNull();
    expect(
      toMessageView(row({ retry_reason: undefined, retry_code: undefined, retry_attempt: undefined, next_attempt_at: undefined })).retrying,
    ).toBeNull();
  });
});
