import type { Client } from 'openapi-fetch';
import type { NewClosure, OfficeHoursSettings } from '../office-hours/types';
import type { paths } from './openapi.gen';

type Unwrap = <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>) => Promise<T>;

/** Office hours' admin-api calls (issue 14), part of the console's API object. */
export function officeHoursApi(client: Client<paths>, unwrap: Unwrap) {
  return {
    officeHours: () => unwrap(client.GET('/api/admin/office-hours')),
    setOfficeHours: (settings: OfficeHoursSettings) => unwrap(client.PUT('/api/admin/office-hours', { body: settings })),
    addClosure: (closure: NewClosure) => unwrap(client.POST('/api/admin/office-hours/closures', { body: closure })),
    removeClosure: (id: string) => unwrap(client.DELETE('/api/admin/office-hours/closures/{id}', { params: { path: { id } } })),
    /** Open support chats that were asked for outside office hours, most recent first (the dashboard's list). */
    arrivedWhileClosed: (limit = 20) =>
      unwrap(client.GET('/api/admin/conversations', { params: { query: { arrived_while_closed: 'true', limit } } })),
  };
}
