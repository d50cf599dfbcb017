import { auditPageSchema, auditQuerySchema, presentAuditEntry } from './audit.schema';
import { jsonRoute, type Route } from './route-builders';
import { ADMIN_ONLY } from './access';

export const auditRoutes: Route[] = [
  jsonRoute({
    method: 'get',
    path: '/api/admin/audit',
    summary: 'The audit log, newest first: who did what, when, from where',
    tag: 'audit',
    access: ADMIN_ONLY,
    request: { query: auditQuerySchema },
    response: { status: 200, description: 'one page; pass next_cursor as cursor= for older entries', schema: auditPageSchema },
    async handle({ query }, ctx) {
      const beforeId = query.cursor === undefined ? undefined : Number(query.cursor);
      const page = await ctx.deps.listAudit({ limit: query.limit, beforeId, actorId: query.actor_id, action: query.action });
      return { items: page.items.map(presentAuditEntry), next_cursor: page.nextBeforeId === null ? null : String(page.nextBeforeId) };
    },
  }),
];
