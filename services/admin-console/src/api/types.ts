import type { paths } from './openapi.gen';

// Named shapes of admin-api's answers, read off the generated OpenAPI types: when admin-api changes a shape,
// regenerating openapi.gen.ts changes these and the compiler points at every use.

type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type LoginResult = JsonOf<paths['/api/admin/auth/login']['post']['responses'][200]>;
export type CurrentUser = LoginResult['user'];
export type Role = CurrentUser['role'];

type ConversationPage = JsonOf<paths['/api/admin/conversations']['get']['responses'][200]>;
export type Conversation = ConversationPage['items'][number];

type MessagePage = JsonOf<paths['/api/admin/conversations/{student}/messages']['get']['responses'][200]>;
export type Message = MessagePage['items'][number];
export type MessageStatus = Message['status'];

export type Stats = JsonOf<paths['/api/admin/stats']['get']['responses'][200]>;

export type ManagedUser = JsonOf<paths['/api/admin/users']['get']['responses'][200]>['items'][number];
export type UserChange = NonNullable<paths['/api/admin/users/{id}']['patch']['requestBody']>['content']['application/json'];
export type NewUser = NonNullable<paths['/api/admin/users']['post']['requestBody']>['content']['application/json'];

type AuditPage = JsonOf<paths['/api/admin/audit']['get']['responses'][200]>;
export type AuditEntry = AuditPage['items'][number];

type ParkedEventPage = JsonOf<paths['/api/admin/parked-events']['get']['responses'][200]>;
export type ParkedEvent = ParkedEventPage['items'][number];
export type ParkedStatus = ParkedEvent['status'];

/** One Server-Sent Event's data (GET /api/admin/events); the event name travels beside it. */
export type LiveEventData = paths['/api/admin/events']['get']['responses'][200]['content']['text/event-stream'];
// assignment.changed and agent.updated: assignment (issue 14; src/assignment).
export const LIVE_EVENT_NAMES = [
  'message.created',
  'message.status',
  'conversation.updated',
  'assignment.changed',
  'agent.updated',
  'conversation.erased',
  'office_hours.updated',
] as const;
export type LiveEventName = (typeof LIVE_EVENT_NAMES)[number];
export interface LiveEvent {
  name: LiveEventName;
  data: LiveEventData;
}

/** Which conversations the list shows. */
export type ConversationFilter = 'all' | 'waiting' | 'active';
