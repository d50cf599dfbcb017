import type { paths } from '../api/openapi.gen';

type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;

// Assignment's shapes, read off the generated OpenAPI types (see api/types.ts).
export type Agent = JsonOf<paths['/api/admin/agents']['get']['responses'][200]>['items'][number];
export type Availability = Agent['availability'];
export type AssignmentSettings = JsonOf<paths['/api/admin/assignment-settings']['get']['responses'][200]>;

export const AVAILABILITY_LABEL: Record<Availability, string> = { available: 'Available', away: 'Away', offline: 'Offline' };

/** What the console suggests when an admin turns auto-reassign on (it is off until then). */
export const SUGGESTED_REASSIGN_MINUTES = 5;
