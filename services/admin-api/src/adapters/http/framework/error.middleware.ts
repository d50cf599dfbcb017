import type { Logger } from '@app/logging';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, type AppErrorCode } from '../../../domain/errors';
import type { ErrorResponse } from './error.schema';
import { ERROR_STATUS } from './error-status';
import { requestContext } from './request-context.middleware';

/**
 * express' and body-parser's client errors (http-errors): a 4xx status, and for body-parser a `type` such as
 * 'entity.parse.failed'; express' router raises one without a type for a path that is not valid
 * percent-encoding.
 */
function isClientHttpError(error: unknown): error is { status: number; type?: unknown } {
  if (typeof error !== 'object' || error === null) return false;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

const answer = (code: AppErrorCode | 'internal', message: string, status: number) => ({
  status,
  body: { error: { code, message } } satisfies ErrorResponse,
});

/** What the client is told. Only messages we wrote reach it: never a stack, an SQL error or a library's text. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorResponse } {
  if (error instanceof AppError) return answer(error.code, error.message, ERROR_STATUS[error.code]);
  if (isClientHttpError(error)) {
    if (error.type === 'entity.too.large') return answer('payload_too_large', 'the request body is too large', 413);
    if (error.type === 'entity.parse.failed') return answer('invalid_request', 'the request body is not valid JSON', 400);
    if (error.type === undefined && error instanceof URIError)
      return answer('invalid_request', 'the path is not valid percent-encoding', 400);
    return answer('invalid_request', 'the request could not be read', 400);
  }
  return answer('internal', 'internal error', 500);
}

export const notFoundHandler: RequestHandler = () => {
  throw new AppError('not_found', 'no such route');
};

export function errorMiddleware(fallbackLog: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    const { status, body } = toErrorResponse(error);
    let log = fallbackLog;
    try {
      log = requestContext(req).log;
    } catch {
      // The error happened before the context existed; the service logger still records it.
    }
    // An AppError is a failure we foresaw and logged where it happened (an engine timeout, say): one line
    // with its code is enough. Anything else is a bug or an outage nobody described yet: the whole error.
    if (status >= 500 && !(error instanceof AppError)) log.error({ err: error }, 'request failed');
    else if (status >= 500) log.warn({ code: body.error.code, status }, 'request failed');
    else log.debug({ code: body.error.code }, 'request refused');
    // Headers already out (a stream broke mid-way): express' default handler closes the connection.
    if (res.headersSent) return next(error);
    if (body.error.code === 'unauthorized') res.setHeader('www-authenticate', 'Bearer');
    if (error instanceof AppError && error.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(error.retryAfterSeconds));
    res.status(status).json(body);
  };
}
