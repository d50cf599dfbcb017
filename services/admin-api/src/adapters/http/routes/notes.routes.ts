import { noteBodySchema, noteResponseSchema } from './agent-tools.schema';
import { studentParamsSchema } from './conversations.schema';
import { jsonRoute, type Route } from './route-builders';
import { ANY_ROLE } from './access';
import { ENGINE_ERRORS_OR_NOT_FOUND } from './route-errors';

export const noteRoutes: Route[] = [
  jsonRoute({
    method: 'post',
    path: '/api/admin/conversations/{student}/notes',
    summary: "A private note in the student's thread: only the team sees it, it is never sent (any conversation, in a chat or not)",
    tag: 'agent tools',
    access: ANY_ROLE,
    errors: ENGINE_ERRORS_OR_NOT_FOUND,
    request: { params: studentParamsSchema, body: noteBodySchema },
    response: {
      status: 201,
      description:
        'the note as the thread shows it (type note, private true, status received); every console gets it as a message.created event',
      schema: noteResponseSchema,
    },
    handle: async ({ params, body }, ctx) => ({
      message: await ctx.deps.agentTools.addNote({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        student: params.student,
        text: body.text,
      }),
    }),
  }),
];
