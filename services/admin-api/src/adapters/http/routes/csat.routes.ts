import { csatSettingsBodySchema, csatSettingsResponseSchema } from './reports.schema';
import { jsonRoute, type Route } from './route-builders';
import { ADMIN_ONLY } from './access';
import { ENGINE_ERRORS } from './route-errors';

// The satisfaction survey after a support chat (issue 15): admins turn it on or off and reword it. Audited.
const TAG = 'reports';

export const csatRoutes: Route[] = [
  jsonRoute({
    method: 'get',
    path: '/api/admin/csat/settings',
    summary: 'Whether students get the satisfaction survey when a chat with a member of staff ends, and its wording',
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ENGINE_ERRORS,
    response: { status: 200, description: 'the settings (off until turned on)', schema: csatSettingsResponseSchema },
    handle: (_input, ctx) => ctx.deps.insight.getCsatSettings({ user: ctx.user(), correlationId: ctx.correlationId }),
  }),
  jsonRoute({
    method: 'put',
    path: '/api/admin/csat/settings',
    summary:
      'Turn the survey on or off and set its wording as a whole (question and comment texts <= 1024, button <= 20, rating titles <= 24 characters)',
    tag: TAG,
    access: ADMIN_ONLY,
    errors: ENGINE_ERRORS,
    request: { body: csatSettingsBodySchema },
    response: {
      status: 200,
      description: 'the settings as they are now; they apply from the next chat that ends',
      schema: csatSettingsResponseSchema,
    },
    handle: ({ body }, ctx) =>
      ctx.deps.insight.setCsatSettings({ user: ctx.user(), origin: ctx.origin, correlationId: ctx.correlationId, settings: body }),
  }),
];
