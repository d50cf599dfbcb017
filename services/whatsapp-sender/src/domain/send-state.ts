import type { SendError } from '@app/contracts';

/**
 * What the sender remembers about one message (or mark-read request), across attempts, workers and
 * restarts. An outcome, once recorded, is final: a later attempt republishes it and never calls the Cloud
 * API again, until an admin retry ('requeued') opens a new round. `attempts` counts the round's Cloud API
 * calls (a call refused for an invalid token does not count); `retry` counts admin retries.
 */
export type SendState = { retry: number } &
  /** An attempt reached the HTTP call and nothing was recorded after it: its outcome is unknown. */
  (
    | { status: 'in_flight'; attempts: number }
    /** Meta answered the last attempt with an error that is retried: that attempt sent nothing. */
    | { status: 'refused'; error: SendError; attempts: number }
    | { status: 'accepted'; wamid: string; attempts: number }
    | { status: 'failed'; error: SendError; attempts: number }
    /** An admin retry cleared the final failure: the next run sends again, from attempt 1. */
    | { status: 'requeued'; attempts: number }
  );

/** The number of the next Cloud API call for a message in this state. */
export function nextAttempt(state: SendState | undefined): number {
  return (state?.attempts ?? 0) + 1;
}
