import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import type { GraphErrorSpec, RecordedRequest } from './types';

export const INVALID_TOKEN: GraphErrorSpec = {
  kind: 'error',
  status: 401,
  code: 190,
  subcode: 463,
  type: 'OAuthException',
  title: 'Error validating access token: Session has expired.',
};

/** Meta's titles of the "bad request" codes; the specific reason goes into `error_data.details`. */
const PARAMETER_TITLES = {
  100: 'Invalid parameter',
  131008: 'Required parameter is missing',
  131009: 'Parameter value is not valid',
} as const;

export type ParameterErrorCode = keyof typeof PARAMETER_TITLES;

/** A request Meta refuses as malformed: HTTP 400, `(#code) Title`, the reason in `error_data.details`. */
export function parameterError(code: ParameterErrorCode, details: string): GraphErrorSpec {
  const title = PARAMETER_TITLES[code];
  return { kind: 'error', status: 400, code, type: 'OAuthException', message: `(#${code}) ${title}`, title, details };
}

/** Writes Meta's error envelope (`{error: {message, type, code, error_subcode?, error_data, fbtrace_id}}`). */
export function sendGraphError(res: Response, entry: RecordedRequest, e: GraphErrorSpec): void {
  const title = e.title ?? 'Error';
  entry.outcome = 'error';
  entry.status = e.status;
  entry.errorCode = e.code;
  res.status(e.status).json({
    error: {
      message: e.message ?? title,
      type: e.type ?? 'OAuthException',
      code: e.code,
      ...(e.subcode === undefined ? {} : { error_subcode: e.subcode }),
      error_data: { messaging_product: 'whatsapp', details: e.details ?? title },
      fbtrace_id: randomBytes(8).toString('hex'),
    },
  });
}
