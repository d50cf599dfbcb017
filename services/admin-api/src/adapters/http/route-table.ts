import { auditRoutes } from './audit.routes';
import { authRoutes } from './auth.routes';
import { chatSupportRoutes } from './chat-support.routes';
import { conversationRoutes } from './conversations.routes';
import { eventsRoutes } from './events.routes';
import { mediaRoutes } from './media.routes';
import { openApiRoute } from './openapi.route';
import { outboundRoutes } from './outbound.routes';
import { parkedEventRoutes } from './parked-events.routes';
import type { Route } from './route';
import { userRoutes } from './users.routes';

/**
 * Every route of the API. The router, the OpenAPI document and the authorization-matrix test are all built
 * from this list, so none of them can leave a route out.
 */
export const ROUTES: readonly Route[] = [
  ...authRoutes,
  ...conversationRoutes,
  ...chatSupportRoutes,
  ...mediaRoutes,
  ...eventsRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...outboundRoutes,
  ...parkedEventRoutes,
  openApiRoute,
];
