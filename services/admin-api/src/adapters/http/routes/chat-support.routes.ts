import { typingIndicatorResultSchema } from '@app/contracts';
import type { ChatCommand } from '../../../use-cases/run-chat-command';
import {
  conversationResponseSchema,
  idempotencyHeadersSchema,
  messageResponseSchema,
  optionalMessageBodySchema,
  studentParamsSchema,
  sendMessageBodySchema,
  templateBodySchema,
  typingBodySchema,
} from './conversations.schema';
import { jsonRoute, type HandlerContext, type Route } from './route-builders';
import { ANY_ROLE } from './access';
import { ENGINE_ERRORS_OR_NOT_FOUND } from './route-errors';

async function command(ctx: HandlerContext, chat: ChatCommand) {
  const conversation = await ctx.deps.runChatCommand({
    user: ctx.user(),
    origin: ctx.origin,
    correlationId: ctx.correlationId,
    command: chat,
  });
  return { conversation };
}

export const chatSupportRoutes: Route[] = [
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/chat-support/start',
    summary: 'Open a support chat with a student (the student is told a human joined)',
    tag: 'chat support',
    access: ANY_ROLE,
    errors: ['outside_service_window', ...ENGINE_ERRORS_OR_NOT_FOUND],
    request: { params: studentParamsSchema, body: optionalMessageBodySchema },
    response: { status: 200, description: 'the conversation, in its support chat', schema: conversationResponseSchema },
    handle: ({ params, body }, ctx) => command(ctx, { kind: 'start', student: params.student, message: body.message }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/chat-support/claim',
    summary: 'Take a waiting support chat',
    tag: 'chat support',
    access: ANY_ROLE,
    errors: ['already_claimed', 'chat_not_active', ...ENGINE_ERRORS_OR_NOT_FOUND],
    request: { params: studentParamsSchema },
    response: { status: 200, description: 'the conversation, assigned to the caller', schema: conversationResponseSchema },
    handle: ({ params }, ctx) => command(ctx, { kind: 'claim', student: params.student }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/chat-support/send',
    summary: 'Send a message to the student; a waiting chat is claimed by the sender',
    tag: 'chat support',
    access: ANY_ROLE,
    errors: ['chat_not_active', 'already_claimed', 'outside_service_window', ...ENGINE_ERRORS_OR_NOT_FOUND],
    request: { params: studentParamsSchema, headers: idempotencyHeadersSchema, body: sendMessageBodySchema },
    response: {
      status: 202,
      description: 'queued for WhatsApp; its status arrives as message.status events',
      schema: messageResponseSchema,
    },
    async handle({ params, headers, body }, ctx) {
      const message = await ctx.deps.sendChatMessage({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        student: params.student,
        message: body.message,
        idempotencyKey: headers['idempotency-key'],
      });
      return { message };
    },
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/chat-support/template',
    summary: "Send the school's approved re-engagement template: the one message WhatsApp delivers outside the 24-hour window",
    tag: 'chat support',
    access: ANY_ROLE,
    errors: ENGINE_ERRORS_OR_NOT_FOUND,
    request: { params: studentParamsSchema, headers: idempotencyHeadersSchema, body: templateBodySchema },
    response: {
      status: 202,
      description: 'queued for WhatsApp; its status arrives as message.status events',
      schema: messageResponseSchema,
    },
    async handle({ params, headers }, ctx) {
      const message = await ctx.deps.sendTemplate({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        student: params.student,
        idempotencyKey: headers['idempotency-key'],
      });
      return { message };
    },
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/chat-support/typing',
    summary: "The admin is typing an answer: the student sees WhatsApp's typing indicator (at most one per 20 s per chat)",
    tag: 'chat support',
    access: ANY_ROLE,
    errors: ['chat_not_active', ...ENGINE_ERRORS_OR_NOT_FOUND],
    request: { params: studentParamsSchema, body: typingBodySchema },
    response: {
      status: 202,
      description: '`{sent: true}`: a typing indicator is queued for WhatsApp',
      schema: typingIndicatorResultSchema,
      alternate: {
        status: 200,
        description:
          '`{sent: false, reason}`: nothing sent, as one went out less than 20 s ago (throttled), the student wrote nothing to mark (no_inbound_message) or the 24-hour window is closed (outside_service_window)',
        when: (body) => !body.sent,
      },
    },
    handle: ({ params }, ctx) => ctx.deps.indicateTyping({ user: ctx.user(), correlationId: ctx.correlationId, student: params.student }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/chat-support/end',
    summary: 'End the support chat (the student is told and gets the main menu)',
    tag: 'chat support',
    access: ANY_ROLE,
    errors: ['chat_not_active', ...ENGINE_ERRORS_OR_NOT_FOUND],
    request: { params: studentParamsSchema, body: optionalMessageBodySchema },
    response: { status: 200, description: 'the conversation, back with the bot', schema: conversationResponseSchema },
    handle: ({ params, body }, ctx) => command(ctx, { kind: 'end', student: params.student, message: body.message }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/read',
    summary: 'Mark the conversation read (its unread_count drops to 0); the console calls it on opening a thread',
    tag: 'chat support',
    access: ANY_ROLE,
    errors: ENGINE_ERRORS_OR_NOT_FOUND,
    request: { params: studentParamsSchema },
    response: { status: 200, description: 'the conversation', schema: conversationResponseSchema },
    handle: ({ params }, ctx) => command(ctx, { kind: 'read', student: params.student }),
  }),
];
