/** What Postgres cannot store in text or jsonb: NUL, and UTF-16 surrogates without their pair. */
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** UTF-16 surrogates without their pair replaced by U+FFFD (valid pairs, i.e. emoji, are kept). */
export function replaceLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

function cleanString(text: string): string {
  return replaceLoneSurrogates(text.replace(NUL, ''));
}

/**
 * A parsed JSON value made storable by Postgres, at any depth, keys too: U+0000 removed (text and jsonb
 * reject it, so one such character in a student's message would fail its transaction on every retry) and lone
 * surrogates replaced by U+FFFD. `changed` says whether anything was touched (logged, never the content).
 */
export function sanitizeForPostgres(value: unknown): { value: unknown; changed: boolean } {
  let changed = false;
  const clean = (text: string) => {
    const result = cleanString(text);
    if (result !== text) changed = true;
    return result;
  };
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return clean(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) out[clean(key)] = walk(child);
      return out;
    }
    return node;
  };
  const result = walk(value);
  return { value: result, changed };
}

/**
 * Whether a JSON text could hold what sanitizeForPostgres changes: a NUL (raw or escaped) or a surrogate
 * escape (paired ones too, which the walk then leaves alone). False for almost every event, which then
 * skips the walk.
 */
export function mayNeedSanitizing(json: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /\\u0000|\u0000|\\u[dD][89a-fA-F]/.test(json);
}

/** The delay before the next try of an event that failed `attempts` times: base, doubling, capped. */
export function retryDelayMs(attempts: number, baseMs: number, capMs = 30_000): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(baseMs * 2 ** exponent, capMs);
}
