import type { EngineErrorCode } from '@app/contracts';
import { AppError, type AppErrorCode } from './errors';

/** The engine's refusals keep their code on the way to the client; only `internal` loses its text. */
const CODES: Record<EngineErrorCode, AppErrorCode> = {
  invalid_request: 'invalid_request',
  not_found: 'not_found',
  chat_not_active: 'chat_not_active',
  already_claimed: 'already_claimed',
  outside_service_window: 'outside_service_window',
  name_taken: 'name_taken',
  agent_unavailable: 'agent_unavailable',
  // A 503 like an engine that did not answer (every engine route lists it), but the engine said it did nothing.
  busy: 'engine_unavailable',
  internal: 'internal',
};

/**
 * The engine's messages for expected refusals are written for admins ("the chat has ended"); an internal
 * failure's message may carry whatever broke inside the engine, so the client gets a fixed text instead.
 */
export function engineFailure(error: { code: EngineErrorCode; message: string }): AppError {
  const message = error.code === 'internal' ? 'the conversation engine failed' : error.message;
  return new AppError(CODES[error.code], message);
}
