import type { EngineErrorCode } from '@app/contracts';

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
