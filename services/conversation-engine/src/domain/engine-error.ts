import type { EngineErrorCode } from '@app/contracts';

/**
 * An error no retry can fix (a bug or a bad row, not a passing outage): a consumer parks and terminates the
 * event at once instead of retrying it. Recognised by type (instanceof), never by a code string.
 */
export abstract class PermanentError extends Error {}

/**
 * A refusal the engine answers admin-api with (not_found, chat_not_active, already_claimed, ...): expected,
 * permanent for that request, and safe to show. Anything else thrown is answered `internal`, without detail.
 */
export class EngineCommandError extends Error {
  override name = 'EngineCommandError';
  constructor(
    readonly code: Exclude<EngineErrorCode, 'internal'>,
    message: string,
  ) {
    super(message);
  }
}
