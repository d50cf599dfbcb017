import { describe, expect, it, vi } from 'vitest';
import { typingNotifier } from './typing-notifier';

describe('telling admin-api the admin is typing', () => {
  it('asks once for a burst of keystrokes, and again once 20 s have passed', () => {
    let clock = 1_000_000;
    const send = vi.fn(() => Promise.resolve({ sent: true }));
    const notify = typingNotifier({ send, now: () => clock, onError: vi.fn() });
    expect([notify(), notify(), notify()]).toEqual([true, false, false]);
    clock += 19_999;
    expect(notify()).toBe(false);
    clock += 1;
    expect(notify()).toBe(true);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('hands a failure to onError and keeps working', async () => {
    let clock = 0;
    const failure = new Error('409 chat_not_active');
    const onError = vi.fn();
    const send = vi.fn().mockRejectedValueOnce(failure).mockResolvedValue({ sent: true });
    const notify = typingNotifier({ send, now: () => clock, onError });
    notify();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(failure));
    clock += 20_000;
    expect(notify()).toBe(true);
  });
});
