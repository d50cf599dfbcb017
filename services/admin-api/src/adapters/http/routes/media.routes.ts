import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { fileRoute, type Route } from './route-builders';
import { ANY_ROLE } from './access';

// The media view's id: the message that carried the file.
const mediaParamsSchema = z.object({ id: z.uuid('the id of a media view (its message id)') });

// Private: the bytes are a student's, and the answer depends on the bearer token. Immutable once stored.
const CACHE = 'private, max-age=3600';
// Nothing in the file may run, whatever it is and however a browser is brought to open it.
const SANDBOX = "default-src 'none'; sandbox";

const isClientGone = (error: unknown) => error instanceof Error && 'code' in error && error.code === 'ERR_STREAM_PREMATURE_CLOSE';

export const mediaRoutes: Route[] = [
  fileRoute({
    method: 'get',
    path: '/api/admin/media/{id}',
    summary: "A file a student sent (a message's media), once downloaded from WhatsApp",
    tag: 'conversations',
    access: ANY_ROLE,
    errors: ['not_found', 'engine_unavailable', 'engine_invalid_reply', 'unavailable', 'internal'],
    request: { params: mediaParamsSchema },
    file: {
      description: 'the bytes, with their type; images inline, anything else as an attachment with a sanitised file name',
      contentTypes: ['image/*', 'application/octet-stream'],
    },
    async send({ params }, ctx, res) {
      const file = await ctx.deps.openMedia({ user: ctx.user(), messageId: params.id, correlationId: ctx.correlationId });
      res.status(200);
      res.setHeader('content-type', file.contentType);
      res.setHeader('content-length', String(file.size));
      res.setHeader('content-disposition', file.disposition);
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('content-security-policy', SANDBOX);
      res.setHeader('cache-control', CACHE);
      try {
        await pipeline(file.stream, res);
      } catch (error) {
        // The admin closed the page mid-way: nothing to answer to. Anything else breaks the answer off.
        if (!isClientGone(error)) throw error;
        ctx.log.debug({ messageId: params.id }, 'media download abandoned by the client');
      }
    },
  }),
];
