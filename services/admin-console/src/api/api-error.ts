/** A refused or failed call: admin-api's `{error: {code, message}}`, or `network` when no answer came. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/** The ApiError of an answer that was not a success; whatever the body held, never a thrown parse error. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body.error.code, body.error.message);
  return new ApiError(status, status >= 500 ? 'unavailable' : 'unexpected', `the server answered ${status}`);
}

/** What an admin reads for a failure: the server's own sentence, or why nothing came back. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError && error.code !== 'network') return error.message;
  return 'The server could not be reached. Check the connection and try again.';
}
