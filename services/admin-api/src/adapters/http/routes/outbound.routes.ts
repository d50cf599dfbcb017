import { actorOf } from '../../../domain/actor';
import type { AppErrorCode } from '../../../domain/errors';
import {
  deadLetterPageSchema,
  deadLetterParamsSchema,
  deadLettersQuerySchema,
  queueStatusSchema,
  retryResponseSchema,
} from './outbound.schema';
import { jsonRoute, type Route } from './route-builders';
import { ADMIN_ONLY } from './access';

/*
 * whatsapp-sender's admin side: what it gave up on, sending it again, and the state of its queues (paused
 * when Meta refused the access token). Admins only: a retry sends to a student again, and a resume lets the
 * whole number send again. Commands are audited; reads are not.
 */
const SENDER_ERRORS = ['sender_unavailable', 'sender_failed'] as const satisfies AppErrorCode[];

export const outboundRoutes: Route[] = [
  jsonRoute({
    method: 'get',
    path: '/api/admin/outbound/dead-letters',
    summary: 'Messages whatsapp-sender gave up on (kept 7 days), newest failure first',
    tag: 'outbound',
    access: ADMIN_ONLY,
    errors: SENDER_ERRORS,
    request: { query: deadLettersQuerySchema },
    response: { status: 200, description: 'one page; next_cursor is null on the last', schema: deadLetterPageSchema },
    handle: ({ query }, ctx) => ctx.deps.sender.listDeadLetters({ actor: actorOf(ctx.user()), ...query }, ctx.correlationId),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/outbound/dead-letters/{id}/retry',
    summary: 'Send a dead letter once more; its new outcome updates the message in its conversation',
    tag: 'outbound',
    access: ADMIN_ONLY,
    errors: ['not_found', 'retry_pending', 'not_failed', ...SENDER_ERRORS],
    request: { params: deadLetterParamsSchema },
    response: { status: 202, description: 'queued again; the retry number names its result', schema: retryResponseSchema },
    handle: ({ params }, ctx) =>
      ctx.deps.retryDeadLetter({ user: ctx.user(), origin: ctx.origin, correlationId: ctx.correlationId, messageId: params.id }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/outbound/resume',
    summary: 'Resume a paused sender now (it also resumes by itself once the access token works again)',
    tag: 'outbound',
    access: ADMIN_ONLY,
    errors: SENDER_ERRORS,
    response: { status: 200, description: 'the queues as they are now', schema: queueStatusSchema },
    handle: (_input, ctx) => ctx.deps.resumeSending({ user: ctx.user(), origin: ctx.origin, correlationId: ctx.correlationId }),
  }),
  jsonRoute({
    method: 'get',
    path: '/api/admin/outbound/status',
    summary: "whatsapp-sender's queues: paused or not (and why), and their job counts",
    tag: 'outbound',
    access: ADMIN_ONLY,
    errors: SENDER_ERRORS,
    response: { status: 200, description: 'the queues as they are now', schema: queueStatusSchema },
    handle: (_input, ctx) => ctx.deps.sender.status({ actor: actorOf(ctx.user()) }, ctx.correlationId),
  }),
];
