import type { SendError } from '@app/contracts';

export type SendErrorClass = SendError['class'];

/** What went wrong with one Cloud API call, before it is classified. */
export type CloudApiFailure =
  /** An answer with a non-2xx status, or a 2xx we could not read. `code` is Meta's `error.code` when present. */
  | { kind: 'http'; status: number; code?: number; subcode?: number; title: string }
  | { kind: 'timeout'; title: string }
  | { kind: 'network'; title: string };

export interface ClassifiedSendError extends SendError {
  /** Temporary, throughput and pair rate limit errors are retried (each its own way); see retry-policy.ts. */
  retryable: boolean;
}

/**
 * Meta's error codes (../shared/WHATSAPP.md). A known code decides before the HTTP status: Meta answers
 * several throttling codes (130429, 131056) with HTTP 400, which by status alone would look permanent.
 */
export const META_ERROR_CLASSES: Readonly<Record<number, SendErrorClass>> = {
  1: 'temporary', // API unknown
  2: 'temporary', // API service
  131000: 'temporary', // something went wrong
  131057: 'temporary', // account in maintenance
  4: 'throughput', // app rate limit
  80007: 'throughput', // WABA rate limit
  130429: 'throughput', // number's throughput limit
  131056: 'pair_rate_limit', // too many messages to this recipient
  100: 'permanent', // invalid parameter: our bug
  131008: 'permanent', // required parameter missing: our bug
  131009: 'permanent', // parameter value invalid: our bug
  131026: 'permanent', // undeliverable: not on WhatsApp, app too old, or terms not accepted
  131047: 'permanent', // outside the 24-hour window (free-form)
  131048: 'permanent', // spam rate limit: Meta asks us not to retry now
  // Per-user marketing limit: Meta asks for no retry within 24 h, far beyond any backoff of ours, so the
  // message fails now and an admin may send it again later.
  131049: 'permanent',
  131050: 'permanent', // the user stopped marketing messages from this business
  130472: 'permanent', // the user is in Meta's marketing experiment: not delivered, not billed
  131031: 'permanent', // account locked
  368: 'permanent', // policy block
  190: 'token_invalid', // access token expired or invalid
};

/**
 * The shortest wait before retrying these codes, whatever the backoff says: Meta asks for about a minute
 * when the account is in maintenance.
 */
export const META_MIN_RETRY_DELAY_MS: Readonly<Record<number, number>> = {
  131057: 60_000,
};

/** For an unknown code, or an answer that is not Meta's error format (a proxy's 502 page). */
export function classOfHttpStatus(status: number): SendErrorClass {
  if (status === 401) return 'token_invalid';
  if (status === 429) return 'throughput';
  if (status >= 500) return 'temporary';
  // Other 4xx, and a 2xx whose body held no wamid: Meta may have sent the message, so never resend it.
  return 'permanent';
}

const RETRYABLE_CLASSES: Readonly<Record<SendErrorClass, boolean>> = {
  temporary: true,
  throughput: true,
  pair_rate_limit: true,
  permanent: false,
  // Not retried and not failed: every message would fail the same way until someone renews the token, so
  // sending is paused for every replica and the jobs are kept (retry-policy.ts, pause-sending.ts).
  token_invalid: false,
  invalid_payload: false,
};

const MAX_TITLE = 1024;

/**
 * `code` is Meta's code when Meta answered with one, else the HTTP status, else 0 (timeout, network):
 * the result event needs a number, and `title` says which it is.
 */
export function classifySendError(failure: CloudApiFailure): ClassifiedSendError {
  let errorClass: SendErrorClass;
  let code: number;
  if (failure.kind === 'http') {
    const byCode = failure.code === undefined ? undefined : META_ERROR_CLASSES[failure.code];
    errorClass = byCode ?? classOfHttpStatus(failure.status);
    code = failure.code ?? failure.status;
  } else {
    errorClass = 'temporary';
    code = 0;
  }
  return { code, title: failure.title.slice(0, MAX_TITLE), class: errorClass, retryable: RETRYABLE_CLASSES[errorClass] };
}
