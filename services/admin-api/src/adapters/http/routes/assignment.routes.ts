import { actorOf } from '../../../domain/actor';
import {
  agentListSchema,
  agentParamsSchema,
  agentResponseSchema,
  assignBodySchema,
  assignmentSettingsBodySchema,
  assignmentSettingsResponseSchema,
  availabilityBodySchema,
  capacityBodySchema,
  handBackBodySchema,
} from './assignment.schema';
import { conversationResponseSchema, studentParamsSchema } from './conversations.schema';
import { jsonRoute, type Route } from './route-builders';
import { ADMIN_ONLY, ANY_ROLE } from './access';
import { ENGINE_ERRORS } from './route-errors';

// Assignment: who handles which support chat. Everyone sees the team's availability and load, sets their
// own availability and hands back their own chat; admins assign and transfer chats, set capacities and the
// auto-reassign time. Every command is audited; the engine's own offers and reassignments are audited from
// its events (audit-assignment-change.ts).
const TAG = 'assignment';

export const assignmentRoutes: Route[] = [
  jsonRoute({
    method: 'get',
    path: '/api/admin/agents',
    summary: "The team: each agent's availability (offline when no console of theirs is open), capacity and active chats",
    tag: TAG,
    access: ANY_ROLE,
    errors: ENGINE_ERRORS,
    response: { status: 200, description: 'every agent the engine knows, by name', schema: agentListSchema },
    handle: (_input, ctx) => ctx.deps.engine.listAgents({ actor: actorOf(ctx.user()) }, ctx.correlationId),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/agents/me/availability',
    summary: 'Set your own availability: available (waiting chats are offered to you), away, or offline (signing out)',
    tag: TAG,
    access: ANY_ROLE,
    errors: ENGINE_ERRORS,
    request: { body: availabilityBodySchema },
    response: { status: 200, description: 'you, as the team sees you now', schema: agentResponseSchema },
    handle: async ({ body }, ctx) => ({
      agent: await ctx.deps.assignment.run({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'availability', availability: body.availability },
      }),
    }),
  }),
  jsonRoute({
    method: 'patch',
    path: '/api/admin/agents/{id}',
    summary: 'Set how many active chats an agent may hold at once (0-50; default 3)',
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ['not_found', ...ENGINE_ERRORS],
    request: { params: agentParamsSchema, body: capacityBodySchema },
    response: { status: 200, description: 'the agent as it is now', schema: agentResponseSchema },
    handle: async ({ params, body }, ctx) => ({
      agent: await ctx.deps.assignment.run({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'capacity', userId: params.id, capacity: body.capacity },
      }),
    }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/chat-support/assign',
    summary:
      'Give the chat to a named agent: a waiting chat is taken (the student is told who joined), an active one transferred silently; may exceed their capacity',
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ['not_found', 'chat_not_active', 'agent_unavailable', ...ENGINE_ERRORS],
    request: { params: studentParamsSchema, body: assignBodySchema },
    response: { status: 200, description: 'the conversation, assigned to the agent', schema: conversationResponseSchema },
    handle: async ({ params, body }, ctx) => ({
      conversation: await ctx.deps.assignment.run({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'assign', student: params.student, agentId: body.agent_id },
      }),
    }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/chat-support/hand-back',
    summary: "Hand your active chat back to the queue (admins: anyone's); it is offered to another agent, not to you again",
    tag: TAG,
    access: ANY_ROLE,
    errors: ['not_found', 'chat_not_active', 'already_claimed', ...ENGINE_ERRORS],
    request: { params: studentParamsSchema, body: handBackBodySchema },
    response: { status: 200, description: 'the conversation, waiting again', schema: conversationResponseSchema },
    handle: async ({ params }, ctx) => ({
      conversation: await ctx.deps.assignment.run({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'hand_back', student: params.student },
      }),
    }),
  }),
  jsonRoute({
    method: 'get',
    path: '/api/admin/assignment-settings',
    summary: 'When a chat left unanswered by its assignee is reassigned (auto_reassign_after_seconds; 0: never)',
    tag: TAG,
    access: ANY_ROLE,
    errors: ENGINE_ERRORS,
    response: { status: 200, description: 'the settings', schema: assignmentSettingsResponseSchema },
    handle: (_input, ctx) => ctx.deps.engine.getAssignmentSettings({ actor: actorOf(ctx.user()) }, ctx.correlationId),
  }),
  jsonRoute({
    method: 'patch',
    path: '/api/admin/assignment-settings',
    summary: 'Set when an unanswered chat is reassigned: seconds without an answer to the student (0: never, at most a day)',
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ENGINE_ERRORS,
    request: { body: assignmentSettingsBodySchema },
    response: { status: 200, description: 'the settings as they are now', schema: assignmentSettingsResponseSchema },
    handle: ({ body }, ctx) =>
      ctx.deps.assignment.run({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'settings', settings: body },
      }),
  }),
];
