import type { Client } from 'openapi-fetch';
import type { paths } from '../api/openapi.gen';
import type { Availability, AssignmentSettings } from './types';

type Unwrap = <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>) => Promise<T>;

/** Assignment's admin-api calls (issue 14), part of the console's API object. */
export function assignmentApi(client: Client<paths>, unwrap: Unwrap) {
  return {
    /** The team with availability, capacity and load. */
    agents: () => unwrap(client.GET('/api/admin/agents')),
    setAvailability: (availability: Availability) => unwrap(client.POST('/api/admin/agents/me/availability', { body: { availability } })),
    setCapacity: (id: string, capacity: number) =>
      unwrap(client.PATCH('/api/admin/agents/{id}', { params: { path: { id } }, body: { capacity } })),
    assignChat: (student: string, agentId: string) =>
      unwrap(
        client.POST('/api/admin/conversations/{student}/chat-support/assign', {
          params: { path: { student } },
          body: { agent_id: agentId },
        }),
      ),
    handBackChat: (student: string) =>
      unwrap(client.POST('/api/admin/conversations/{student}/chat-support/hand-back', { params: { path: { student } }, body: {} })),
    assignmentSettings: () => unwrap(client.GET('/api/admin/assignment-settings')),
    setAssignmentSettings: (settings: AssignmentSettings) => unwrap(client.PATCH('/api/admin/assignment-settings', { body: settings })),
  };
}
