import type { AppErrorCode } from '../../../domain/errors';

/** What any route that asks the engine can answer: it is down or busy, it broke the contract, or it failed. */
export const ENGINE_ERRORS = ['engine_unavailable', 'engine_invalid_reply', 'internal'] as const satisfies AppErrorCode[];

/** ENGINE_ERRORS for a route about one thing the engine may not know (a student, a canned reply): not_found first. */
export const ENGINE_ERRORS_OR_NOT_FOUND = ['not_found', ...ENGINE_ERRORS] as const satisfies AppErrorCode[];
