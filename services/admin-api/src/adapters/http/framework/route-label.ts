import type { Request } from 'express';

/**
 * The matched route pattern (`/api/admin/conversations/:student/messages`), never the raw path: raw paths put
 * phone numbers in metrics and give Prometheus one series per student. Routers declare full paths so the
 * pattern is complete even after an error has left the router.
 */
export function routeLabel(req: Request): string {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? path : 'unmatched';
}
