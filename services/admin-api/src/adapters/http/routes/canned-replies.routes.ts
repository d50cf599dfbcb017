import type { CannedReplyCommand } from '../../../use-cases/manage-canned-reply';
import {
  cannedReplyBodySchema,
  cannedReplyListSchema,
  cannedReplyPatchSchema,
  cannedReplyQuerySchema,
  cannedReplyResponseSchema,
  idParamsSchema,
  presentCannedReply,
  presentRenderedCannedReply,
  renderedCannedReplyListSchema,
} from './agent-tools.schema';
import { studentParamsSchema } from './conversations.schema';
import { jsonRoute, type HandlerContext, type Route } from './route-builders';
import { ADMIN_ONLY, ANY_ROLE } from './access';
import { ENGINE_ERRORS_OR_NOT_FOUND } from './route-errors';

// Canned replies: admins manage them, agents (and admins) use them from the composer.

async function manage(ctx: HandlerContext, command: CannedReplyCommand) {
  const reply = await ctx.deps.agentTools.manageCannedReply({
    user: ctx.user(),
    origin: ctx.origin,
    correlationId: ctx.correlationId,
    command,
  });
  return { canned_reply: presentCannedReply(reply) };
}

export const cannedReplyRoutes: Route[] = [
  jsonRoute({
    method: 'get',
    path: '/api/admin/canned-replies',
    summary: "The team's canned replies as written, placeholders unfilled, by shortcut",
    tag: 'agent tools',
    access: ANY_ROLE,
    response: { status: 200, description: 'every canned reply (at most 500)', schema: cannedReplyListSchema },
    handle: async (_input, ctx) => ({ items: (await ctx.deps.agentTools.listCannedReplies()).map(presentCannedReply) }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/canned-replies',
    summary: 'Add a canned reply',
    tag: 'agent tools',
    access: ADMIN_ONLY,
    errors: ['name_taken'],
    request: { body: cannedReplyBodySchema },
    response: { status: 201, description: 'created', schema: cannedReplyResponseSchema },
    handle: ({ body }, ctx) => manage(ctx, { kind: 'create', reply: body }),
  }),
  jsonRoute({
    method: 'patch',
    path: '/api/admin/canned-replies/{id}',
    summary: "Change a canned reply's title, shortcut or body",
    tag: 'agent tools',
    access: ADMIN_ONLY,
    errors: ['not_found', 'name_taken'],
    request: { params: idParamsSchema, body: cannedReplyPatchSchema },
    response: { status: 200, description: 'the canned reply as it is now', schema: cannedReplyResponseSchema },
    handle: ({ params, body }, ctx) => manage(ctx, { kind: 'update', id: params.id, change: body }),
  }),
  jsonRoute({
    method: 'delete',
    path: '/api/admin/canned-replies/{id}',
    summary: 'Delete a canned reply',
    tag: 'agent tools',
    access: ADMIN_ONLY,
    errors: ['not_found'],
    request: { params: idParamsSchema },
    response: { status: 200, description: 'the canned reply that was deleted', schema: cannedReplyResponseSchema },
    handle: ({ params }, ctx) => manage(ctx, { kind: 'delete', id: params.id }),
  }),
  jsonRoute({
    method: 'get',
    path: '/api/admin/conversations/{student}/canned-replies',
    summary: 'Canned replies rendered for this student and the caller: {student_name}, {agent_name} and {class} filled, for the composer',
    tag: 'agent tools',
    access: ANY_ROLE,
    errors: ENGINE_ERRORS_OR_NOT_FOUND,
    request: { params: studentParamsSchema, query: cannedReplyQuerySchema },
    response: {
      status: 200,
      description: 'the matching canned replies, by shortcut, each with its rendered text',
      schema: renderedCannedReplyListSchema,
    },
    handle: async ({ params, query }, ctx) => {
      const items = await ctx.deps.agentTools.renderCannedReplies({
        user: ctx.user(),
        student: params.student,
        q: query.q,
        correlationId: ctx.correlationId,
      });
      return { items: items.map(presentRenderedCannedReply) };
    },
  }),
];
