/** The engine sends at most one typing indicator per 20 s per chat; the console asks no more often either. */
const TYPING_INTERVAL_MS = 20_000;

/**
 * Tells admin-api the admin is typing: the first keystroke asks at once (the student sees the indicator
 * while the answer is written), the rest of a burst within the interval asks nothing. A failure only
 * reaches `onError`: the indicator is a courtesy, never worth interrupting the admin for.
 */
export function typingNotifier(deps: { send(): Promise<unknown>; now(): number; onError(error: unknown): void; intervalMs?: number }) {
  const interval = deps.intervalMs ?? TYPING_INTERVAL_MS;
  let last: number | null = null;
  return function notify(): boolean {
    const at = deps.now();
    if (last !== null && at - last < interval) return false;
    last = at;
    deps.send().catch(deps.onError);
    return true;
  };
}

export function logTypingFailure(error: unknown): void {
  // The browser's console is the one place this goes: nothing the admin has to act on.
  // eslint-disable-next-line no-console
  console.warn('typing indicator not sent', error);
}
