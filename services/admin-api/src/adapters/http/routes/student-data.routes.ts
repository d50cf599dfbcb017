import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { studentParamsSchema } from './conversations.schema';
import { fileRoute, jsonRoute, type HandlerContext, type Route } from './route-builders';
import { eraseBodySchema, eraseResponseSchema, transcriptQuerySchema } from './student-data.schema';
import { ADMIN_ONLY, ANY_ROLE } from './access';
import { ENGINE_ERRORS_OR_NOT_FOUND } from './route-errors';

const isClientGone = (error: unknown) => error instanceof Error && 'code' in error && error.code === 'ERR_STREAM_PREMATURE_CLOSE';

/** Streams a generated file; once its first bytes left, a failure can only cut the download short (logged). */
async function sendFile(
  res: Response,
  ctx: HandlerContext,
  file: { filename: string; contentType: string; body: AsyncIterable<string | Uint8Array> },
) {
  res.status(200);
  res.setHeader('content-type', file.contentType);
  res.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
  res.setHeader('x-content-type-options', 'nosniff');
  // The transcript is opened in the browser: its own markup may style it, nothing in it may run.
  res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  res.setHeader('cache-control', 'private, no-store');
  try {
    await pipeline(Readable.from(file.body), res);
  } catch (error) {
    if (isClientGone(error)) return ctx.log.debug('student data download abandoned by the client');
    ctx.log.error({ err: error }, 'student data download failed midway');
    res.destroy();
  }
}

export const studentDataRoutes: Route[] = [
  fileRoute({
    method: 'get',
    path: '/api/admin/conversations/{student}/transcript',
    summary:
      'A conversation as a transcript: HTML made to print, or JSON with the same content (authors, times in a stated zone, delivery status, attachments by name)',
    tag: 'student data',
    access: ANY_ROLE,
    errors: ENGINE_ERRORS_OR_NOT_FOUND,
    request: { params: studentParamsSchema, query: transcriptQuerySchema },
    file: {
      description: 'the transcript, as an attachment; everything written by people is escaped',
      contentTypes: ['text/html', 'application/json'],
    },
    async send({ params, query }, ctx, res) {
      const file = await ctx.deps.studentData.exportTranscript({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        student: params.student,
        format: query.format,
        from: query.from,
        to: query.to,
        timeZone: query.tz,
        notes: query.notes,
      });
      await sendFile(res, ctx, file);
    },
  }),
  fileRoute({
    method: 'get',
    path: '/api/admin/students/{student}/export',
    summary:
      'Subject access: everything held on the student as one ZIP (profile, consent, messages, homework, files, support chats, audit entries, README and manifest)',
    tag: 'student data',
    access: ADMIN_ONLY,
    errors: ['unavailable', ...ENGINE_ERRORS_OR_NOT_FOUND],
    request: { params: studentParamsSchema },
    file: { description: 'the archive, streamed as it is built', contentTypes: ['application/zip'] },
    async send({ params }, ctx, res) {
      const file = await ctx.deps.studentData.exportStudentData({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        student: params.student,
      });
      await sendFile(res, ctx, { ...file, contentType: 'application/zip' });
    },
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/students/{student}/erase',
    summary:
      'Erase the student everywhere (profile, messages, files, homework, support chats, queued sends); keeps a tombstone so that redelivered old messages bring nothing back; consoles get conversation.erased',
    tag: 'student data',
    access: ADMIN_ONLY,
    errors: ENGINE_ERRORS_OR_NOT_FOUND,
    request: { params: studentParamsSchema, body: eraseBodySchema },
    response: { status: 200, description: 'what was removed (counts, no content)', schema: eraseResponseSchema },
    handle: ({ params, body }, ctx) =>
      ctx.deps.studentData.eraseStudentData({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        student: params.student,
        confirm: body.confirm,
      }),
  }),
];
