import type { z } from 'zod';
import { describeIssues } from './describe-issues';

export type Parsed<T> =
  /** `json` is the decoded text as it came, before the schema's defaults and transforms. */
  | { ok: true; value: T; json: unknown }
  /** `error` and `json` are absent when the text was not JSON at all. */
  | { ok: false; reason: string; error?: z.ZodError; json?: unknown };

export interface ParseOptions {
  /** The name of the value itself in `reason` (`request`, `body`, `event`); default `(root)`. */
  root?: string;
  /** At most this many issues in `reason`. */
  maxIssues?: number;
  /** Rewrites the decoded JSON before the schema sees it (an older peer's shape, mid-rollout). */
  upgrade?: (json: unknown) => unknown;
}

const decoder = new TextDecoder();

/**
 * Outside data (a NATS payload, a queued job, an HTTP answer) to a contract's value, never throwing: the
 * failure is a value because every boundary must decide what an invalid message means (term, 400,
 * invalid_request), and a throw would let one forget. `reason` tells "not JSON" apart from a schema mismatch.
 */
export function parse<S extends z.ZodType>(schema: S, text: string | Uint8Array, opts: ParseOptions = {}): Parsed<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(typeof text === 'string' ? text : decoder.decode(text));
  } catch (error) {
    return { ok: false, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = schema.safeParse(opts.upgrade ? opts.upgrade(json) : json);
  if (result.success) return { ok: true, value: result.data, json };
  return { ok: false, reason: describeIssues(result.error, opts.root, opts.maxIssues), error: result.error, json };
}
