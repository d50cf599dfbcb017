import { actorOf } from '../../../domain/actor';
import {
  conversationPageSchema,
  listConversationsQuerySchema,
  listMessagesQuerySchema,
  messagePageSchema,
  studentParamsSchema,
  statsSchema,
} from './conversations.schema';
import { jsonRoute, type Route } from './route-builders';
import { ANY_ROLE } from './access';
import { ENGINE_ERRORS } from './route-errors';

export const conversationRoutes: Route[] = [
  jsonRoute({
    method: 'get',
    path: '/api/admin/conversations',
    summary: 'Conversations, most recent first, optionally only support chats of one status or matching a search',
    tag: 'conversations',
    access: ANY_ROLE,
    errors: ENGINE_ERRORS,
    request: { query: listConversationsQuerySchema },
    response: { status: 200, description: 'one page; next_cursor is null on the last', schema: conversationPageSchema },
    handle: ({ query }, ctx) => ctx.deps.engine.listConversations({ actor: actorOf(ctx.user()), ...query }, ctx.correlationId),
  }),
  jsonRoute({
    method: 'get',
    path: '/api/admin/conversations/{student}/messages',
    summary: "A conversation's messages: pages go back in time, each page oldest to newest",
    tag: 'conversations',
    access: ANY_ROLE,
    errors: ['not_found', ...ENGINE_ERRORS],
    request: { params: studentParamsSchema, query: listMessagesQuerySchema },
    response: { status: 200, description: 'one page; pass next_cursor as before= for older messages', schema: messagePageSchema },
    async handle({ params, query }, ctx) {
      const page = await ctx.deps.engine.listMessages({ actor: actorOf(ctx.user()), student: params.student, ...query }, ctx.correlationId);
      // Staff reads (issue 15): opening the thread (its first page, not older pages or polls) is audited.
      if (query.before === undefined)
        await ctx.deps.privacy.recordThreadView({
          user: ctx.user(),
          origin: ctx.origin,
          student: params.student,
          correlationId: ctx.correlationId,
        });
      return page;
    },
  }),
  jsonRoute({
    method: 'get',
    path: '/api/admin/stats',
    summary: 'Support queue figures for the dashboard',
    tag: 'conversations',
    access: ANY_ROLE,
    errors: ENGINE_ERRORS,
    response: { status: 200, description: 'current figures', schema: statsSchema },
    handle: (_input, ctx) => ctx.deps.engine.stats({ actor: actorOf(ctx.user()) }, ctx.correlationId),
  }),
];
