export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  receivedAt: number;
  /** What the double answered; `aborted` when the client went away before the answer was written. */
  outcome: 'accepted' | 'error' | 'aborted';
  wamid?: string;
  status?: number;
  /** Meta's error code when the answer was an error (190, 131009, ...). */
  errorCode?: number;
}

/** Meta's error answer: HTTP status, Graph code, and what goes into `message`, `error_data.details`. */
export interface GraphErrorSpec {
  kind: 'error';
  status: number;
  code: number;
  /** Becomes `error_data.details` (unless `details` is given) and, without `message`, `message`. */
  title?: string;
  message?: string;
  details?: string;
  subcode?: number;
  type?: string;
}

/** One scripted answer: Meta's success, Meta's error format, or an answer held back. */
export type ScriptedResponse =
  | { kind: 'accept' }
  | GraphErrorSpec
  | { kind: 'hang' } // never answers: the caller's timeout fires
  | { kind: 'delay'; ms: number; then: ScriptedResponse };
