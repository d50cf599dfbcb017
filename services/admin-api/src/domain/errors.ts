/**
 * Every failure a client can be told about. The HTTP adapter maps each code to one status; adding a code
 * without a status is a type error there.
 */
export type AppErrorCode =
  | 'invalid_request'
  | 'invalid_credentials'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'email_taken'
  | 'last_admin'
  | 'name_taken'
  | 'agent_unavailable'
  | 'chat_not_active'
  | 'already_claimed'
  | 'outside_service_window'
  | 'retry_pending'
  | 'not_failed'
  | 'not_parked'
  | 'internal'
  | 'engine_invalid_reply'
  | 'engine_unavailable'
  | 'sender_failed'
  | 'sender_unavailable'
  | 'unavailable'
  | 'shutting_down';

export interface AppErrorOptions extends ErrorOptions {
  /** For too_many_requests: when the caller may try again (the Retry-After header). */
  retryAfterSeconds?: number;
}

/** A permanent, expected failure: answered to the client as it is and never retried. */
export class AppError extends Error {
  override name = 'AppError';
  readonly retryAfterSeconds: number | undefined;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: AppErrorOptions,
  ) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}
