import {
  closureBodySchema,
  closureListSchema,
  closureParamsSchema,
  closureResponseSchema,
  officeHoursBodySchema,
  officeHoursResponseSchema,
} from './office-hours.schema';
import { jsonRoute, type Route } from './route-builders';
import { ADMIN_ONLY, ANY_ROLE } from './access';
import { ENGINE_ERRORS } from './route-errors';

// Office hours: admins set the weekly schedule and closures, agents (and the dashboard) read them. Commands
// are audited. The schedule decides what a student asking for support is told (the engine keeps it).
const TAG = 'office hours';

export const officeHoursRoutes: Route[] = [
  jsonRoute({
    method: 'get',
    path: '/api/admin/office-hours',
    summary: 'The weekly schedule in the school time zone, upcoming closures, and whether the team is in hours now',
    tag: TAG,
    access: ANY_ROLE,
    errors: ENGINE_ERRORS,
    response: { status: 200, description: 'the schedule (enabled false: always open)', schema: officeHoursResponseSchema },
    handle: (_input, ctx) => ctx.deps.officeHours.get({ user: ctx.user(), correlationId: ctx.correlationId }),
  }),
  jsonRoute({
    method: 'put',
    path: '/api/admin/office-hours',
    summary:
      'Replace the weekly schedule and time zone as a whole (periods HH:MM, start before end, never across midnight, no overlaps, at most 6 a day)',
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ENGINE_ERRORS,
    request: { body: officeHoursBodySchema },
    response: { status: 200, description: 'the schedule as it is now', schema: officeHoursResponseSchema },
    handle: ({ body }, ctx) =>
      ctx.deps.officeHours.run({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'set', settings: body },
      }),
  }),
  jsonRoute({
    method: 'get',
    path: '/api/admin/office-hours/closures',
    summary: 'Closures ending today or later, soonest first',
    tag: TAG,
    access: ANY_ROLE,
    errors: ENGINE_ERRORS,
    response: { status: 200, description: 'the closures (at most 200)', schema: closureListSchema },
    handle: async (_input, ctx) => ({
      items: (await ctx.deps.officeHours.get({ user: ctx.user(), correlationId: ctx.correlationId })).closures,
    }),
  }),
  jsonRoute({
    method: 'post',
    path: '/api/admin/office-hours/closures',
    summary: 'Add a dated closure (a day, or a range of days in the school time zone) with its reason',
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ['invalid_request', ...ENGINE_ERRORS],
    request: { body: closureBodySchema },
    response: { status: 201, description: 'created', schema: closureResponseSchema },
    handle: async ({ body }, ctx) => ({
      closure: await ctx.deps.officeHours.run({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'add_closure', closure: body },
      }),
    }),
  }),
  jsonRoute({
    method: 'delete',
    path: '/api/admin/office-hours/closures/{id}',
    summary: 'Remove a closure',
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ['not_found', ...ENGINE_ERRORS],
    request: { params: closureParamsSchema },
    response: { status: 200, description: 'the closure removed', schema: closureResponseSchema },
    handle: async ({ params }, ctx) => ({
      closure: await ctx.deps.officeHours.run({
        user: ctx.user(),
        origin: ctx.origin,
        correlationId: ctx.correlationId,
        command: { kind: 'remove_closure', id: params.id },
      }),
    }),
  }),
];
