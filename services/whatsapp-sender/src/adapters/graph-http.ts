import { graphErrorResponseSchema } from '@app/contracts';
import type { CloudApiFailure } from '../domain/send-error';

/** One Graph API answer, or why there was none. `status` labels the latency metric. */
export type GraphAnswer = { ok: true; response: Response; status: string } | { ok: false; failure: CloudApiFailure; status: string };

export function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

export function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}

export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Meta's error envelope as a failure value; a body that is not Meta's format keeps only the HTTP status. */
export function graphFailure(status: number, payload: unknown): CloudApiFailure {
  const graph = graphErrorResponseSchema.safeParse(payload);
  if (!graph.success) return { kind: 'http', status, title: `HTTP ${status}` };
  const { code, error_subcode, message, error_user_title, error_data } = graph.data.error;
  const title = message ?? error_user_title ?? error_data?.details ?? `HTTP ${status}`;
  return { kind: 'http', status, code, ...(error_subcode === undefined ? {} : { subcode: error_subcode }), title };
}

/**
 * A Bearer-authenticated request whose every outcome is a value. The answer's body is not read here, so
 * the caller's `signal` (a timeout) must also cover reading it: a reply that stalls halfway is a timeout too.
 */
export async function graphRequest(
  doFetch: typeof fetch,
  url: string,
  init: { method: 'GET' | 'POST'; accessToken: string; body?: unknown; signal: AbortSignal; timeoutMs: number },
): Promise<GraphAnswer> {
  try {
    const response = await doFetch(url, {
      method: init.method,
      headers: {
        authorization: `Bearer ${init.accessToken}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: init.signal,
    });
    return { ok: true, response, status: `${Math.floor(response.status / 100)}xx` };
  } catch (error) {
    if (isTimeout(error)) return { ok: false, status: 'timeout', failure: { kind: 'timeout', title: `no answer within ${init.timeoutMs} ms` } };
    return { ok: false, status: 'network', failure: { kind: 'network', title: `network error: ${describeNetworkError(error)}` } };
  }
}
