/**
 * BullMQ's limiter counts job starts in fixed windows. "80 per 1 000 ms" lets 80 start at the end of one
 * window and 80 more at the start of the next: 160 inside one second. The same rate in tenths of a second
 * (8 per 100 ms) keeps any one-second span within rate + one small window, and spreads a burst evenly.
 * The effective rate never exceeds the configured one (it may be up to ~5% under it for odd rates).
 */
export function limiterFor(ratePerSecond: number): { max: number; duration: number } {
  const max = Math.max(1, Math.ceil(ratePerSecond / 10));
  return { max, duration: Math.ceil((1_000 * max) / ratePerSecond) };
}
