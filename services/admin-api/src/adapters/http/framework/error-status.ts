import type { AppErrorCode } from '../../../domain/errors';

/** One HTTP status per error code: the error middleware answers with it and the OpenAPI document lists it. */
export const ERROR_STATUS: Record<AppErrorCode, number> = {
  invalid_request: 400,
  invalid_credentials: 401,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  email_taken: 409,
  last_admin: 409,
  // A label or canned reply name (shortcut) another one already has.
  name_taken: 409,
  chat_not_active: 409,
  already_claimed: 409,
  // Assignment: the named agent is offline (no console open); nobody would see the chat.
  agent_unavailable: 409,
  // A dead letter already being retried, or a message that is not failed (accepted, or still being sent).
  retry_pending: 409,
  not_failed: 409,
  // A parked event already retried or discarded: the engine refuses it as invalid_request (parked-event-command.ts).
  not_parked: 409,
  payload_too_large: 413,
  outside_service_window: 422,
  too_many_requests: 429,
  internal: 500,
  // The engine answered, but not in the contract's words: a bad gateway, not a missing one.
  engine_invalid_reply: 502,
  engine_unavailable: 503,
  // whatsapp-sender failed inside, or answered outside its contract: a bad gateway.
  sender_failed: 502,
  sender_unavailable: 503,
  unavailable: 503,
  shutting_down: 503,
};
