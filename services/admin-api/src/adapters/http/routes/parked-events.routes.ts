import { actorOf } from '../../../domain/actor';
import type { AppErrorCode } from '../../../domain/errors';
import { parkedEventPageSchema, parkedEventParamsSchema, parkedEventResponseSchema, parkedEventsQuerySchema } from './parked-events.schema';
import { jsonRoute, type Route } from './route-builders';
import { ADMIN_ONLY } from './access';
import { ENGINE_ERRORS } from './route-errors';

/*
 * Events the conversation engine gave up on after its bounded retries: looking at them, handling one once
 * more, or discarding it. Admins only: a retry can send to a student, and payloads hold students' messages.
 * Commands are audited; reads are not.
 */
const COMMAND_ERRORS = ['not_found', 'not_parked', ...ENGINE_ERRORS] as const satisfies AppErrorCode[];

export const parkedEventRoutes: Route[] = [
  jsonRoute({
    method: 'get',
    path: '/api/admin/parked-events',
    summary: 'Events the engine parked after its retries, newest first; status defaults to parked',
    tag: 'parked-events',
    access: ADMIN_ONLY,
    errors: ENGINE_ERRORS,
    request: { query: parkedEventsQuerySchema },
    response: { status: 200, description: 'one page; next_cursor is null on the last', schema: parkedEventPageSchema },
    handle: ({ query }, ctx) => ctx.deps.engine.listParkedEvents({ actor: actorOf(ctx.user()), ...query }, ctx.correlationId),
  }),
  commandRoute('retry', 'Handle a parked event once more; still parked, with the new error, when it failed again'),
  commandRoute('discard', 'Discard a parked event (kept for the record until retention)'),
];

/** POST /api/admin/parked-events/{id}/{command}: admins only, audited by runParkedEventCommand. */
function commandRoute(command: 'retry' | 'discard', summary: string) {
  return jsonRoute({
    method: 'post',
    path: `/api/admin/parked-events/{id}/${command}`,
    summary,
    tag: 'parked-events',
    access: ADMIN_ONLY,
    errors: COMMAND_ERRORS,
    request: { params: parkedEventParamsSchema },
    response: { status: 200, description: 'the event as it is now', schema: parkedEventResponseSchema },
    handle: async ({ params }, ctx) => ({
      event: await ctx.deps.runParkedEventCommand({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command,
        id: params.id,
      }),
    }),
  });
}
