import type { SenderErrorCode } from '@app/contracts';
import { AppError, type AppErrorCode } from './errors';

/** The sender's refusals keep their meaning; its internal failure is a bad gateway (502), text hidden. */
const CODES: Record<SenderErrorCode, AppErrorCode> = {
  invalid_request: 'invalid_request',
  not_found: 'not_found',
  retry_pending: 'retry_pending',
  not_failed: 'not_failed',
  internal: 'sender_failed',
};

export function senderFailure(error: { code: SenderErrorCode; message: string }): AppError {
  const message = error.code === 'internal' ? 'whatsapp-sender failed' : error.message;
  return new AppError(CODES[error.code], message);
}
