import {
  conversationLabelBodySchema,
  idParamsSchema,
  labelBodySchema,
  labelListSchema,
  labelPatchSchema,
  labelResponseSchema,
  studentLabelParamsSchema,
} from './agent-tools.schema';
import { conversationResponseSchema, studentParamsSchema } from './conversations.schema';
import { jsonRoute, type Route } from './route-builders';
import { ADMIN_ONLY, ANY_ROLE } from './access';
import { ENGINE_ERRORS } from './route-errors';

// Labels: admins manage the set, agents (and admins) put them on conversations. Commands are audited.

export const labelRoutes: Route[] = [
  jsonRoute({
    method: 'get',
    path: '/api/admin/labels',
    summary: "The team's labels, by name",
    tag: 'agent tools',
    access: ANY_ROLE,
    errors: ENGINE_ERRORS,
    response: { status: 200, description: 'every label (at most 200)', schema: labelListSchema },
    handle: async (_input, ctx) => ({
      items: await ctx.deps.agentTools.listLabels({ user: ctx.user(), correlationId: ctx.correlationId }),
    }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/labels',
    summary: 'Add a label (name unique whatever its case; colour as #rrggbb)',
    tag: 'agent tools',
    access: ADMIN_ONLY,
    errors: ['name_taken', 'invalid_request', ...ENGINE_ERRORS],
    request: { body: labelBodySchema },
    response: { status: 201, description: 'created', schema: labelResponseSchema },
    handle: async ({ body }, ctx) => ({
      label: await ctx.deps.agentTools.runLabelCommand({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'create', ...body },
      }),
    }),
  }),
  jsonRoute({
    method: 'patch',
    path: '/api/admin/labels/{id}',
    summary: 'Rename or recolour a label; every console sees the conversations carrying it change (conversation.updated)',
    tag: 'agent tools',
    access: ADMIN_ONLY,
    errors: ['not_found', 'name_taken', ...ENGINE_ERRORS],
    request: { params: idParamsSchema, body: labelPatchSchema },
    response: { status: 200, description: 'the label as it is now', schema: labelResponseSchema },
    handle: async ({ params, body }, ctx) => ({
      label: await ctx.deps.agentTools.runLabelCommand({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'update', id: params.id, ...body },
      }),
    }),
  }),
  jsonRoute({
    method: 'delete',
    path: '/api/admin/labels/{id}',
    summary: 'Delete a label; it leaves every conversation that carried it',
    tag: 'agent tools',
    access: ADMIN_ONLY,
    errors: ['not_found', ...ENGINE_ERRORS],
    request: { params: idParamsSchema },
    response: { status: 200, description: 'the label that was deleted', schema: labelResponseSchema },
    handle: async ({ params }, ctx) => ({
      label: await ctx.deps.agentTools.runLabelCommand({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'delete', id: params.id },
      }),
    }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/labels',
    summary: 'Put a label on the conversation (nothing changes when it is there already)',
    tag: 'agent tools',
    access: ANY_ROLE,
    errors: ['not_found', 'invalid_request', ...ENGINE_ERRORS],
    request: { params: studentParamsSchema, body: conversationLabelBodySchema },
    response: { status: 200, description: 'the conversation with its labels', schema: conversationResponseSchema },
    handle: async ({ params, body }, ctx) => ({
      conversation: await ctx.deps.agentTools.runLabelCommand({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'add', student: params.student, labelId: body.label_id },
      }),
    }),
  }),
  jsonRoute({
    method: 'delete',
    path: '/api/admin/conversations/{student}/labels/{id}',
    summary: 'Take a label off the conversation (nothing changes when it was not there)',
    tag: 'agent tools',
    access: ANY_ROLE,
    errors: ['not_found', ...ENGINE_ERRORS],
    request: { params: studentLabelParamsSchema },
    response: { status: 200, description: 'the conversation with its labels', schema: conversationResponseSchema },
    handle: async ({ params }, ctx) => ({
      conversation: await ctx.deps.agentTools.runLabelCommand({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'remove', student: params.student, labelId: params.id },
      }),
    }),
  }),
];
