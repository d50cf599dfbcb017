import { auditRoutes } from './audit.routes';
import { authRoutes } from './auth.routes';
import { chatSupportRoutes } from './chat-support.routes';
import { conversationRoutes } from './conversations.routes';
import { eventsRoutes } from './events.routes';
import { mediaRoutes } from './media.routes';
import { openApiRoute } from './openapi.route';
import { outboundRoutes } from './outbound.routes';
import { parkedEventRoutes } from './parked-events.routes';
import type { Route } from './route-builders';
import { privacyRoutes } from './privacy.routes';
import { userRoutes } from './users.routes';
import { noteRoutes } from './notes.routes';
import { cannedReplyRoutes } from './canned-replies.routes';
import { labelRoutes } from './labels.routes';
import { officeHoursRoutes } from './office-hours.routes';
import { assignmentRoutes } from './assignment.routes';
import { studentDataRoutes } from './student-data.routes';
import { reportRoutes } from './reports.routes';
import { csatRoutes } from './csat.routes';

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
  ...noteRoutes,
  ...cannedReplyRoutes,
  ...labelRoutes,
  ...officeHoursRoutes,
  ...assignmentRoutes,
  ...studentDataRoutes,
  ...reportRoutes,
  ...csatRoutes,
  ...privacyRoutes,
  openApiRoute,
];
