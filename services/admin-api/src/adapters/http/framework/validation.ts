import { describeIssues } from '@app/contracts';
import type { Response } from 'express';
import type { z } from 'zod';
import { AppError } from '../../../domain/errors';

/** Parses a request body (or its params, query, headers), or answers 400 naming each bad field (`root` for the value itself). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, root = 'body'): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid_request', describeIssues(parsed.error, root), { cause: parsed.error });
}

/**
 * Sends a body through its response schema: fields the schema does not name (a password hash on a row
 * object) are stripped, and an answer that breaks the contract fails loudly here instead of at a client.
 */
export function reply<S extends z.ZodType>(res: Response, status: number, schema: S, body: z.input<S>): void {
  res.status(status).json(schema.parse(body));
}
