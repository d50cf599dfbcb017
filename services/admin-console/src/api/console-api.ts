import createClient, { type Middleware } from 'openapi-fetch';
import { apiErrorOf, ApiError } from './api-error';
import type { paths } from './openapi.gen';
import { agentToolsApi } from './agent-tools-api';
import { officeHoursApi } from './office-hours-api';
import { privacyApi } from '../privacy/privacy-api';
import type { AuditAction } from '../audit/audit-actions';
import { assignmentApi } from '../assignment/assignment-api';
import type { ConversationFilter, NewUser, ParkedStatus, UserChange } from './types';
import { studentDataApi } from '../student-data/student-data-api';
import { reportsApi } from '../reports/reports-api';

export interface ConsoleApiOptions {
  /** The bearer token of the signed-in admin, read at each call. */
  token(): string | null;
  /** A call made with a token was answered 401: the session is over (expired, or the account disabled). */
  onUnauthorized(): void;
  fetch?: typeof fetch;
  baseUrl?: string;
}

/** Routes the console uses only when admin-api's document lists them (they land in other issues). */
const OPTIONAL_ROUTES = {
  template: '/api/admin/conversations/{student}/chat-support/template',
  media: '/api/admin/media/{id}',
} as const;
export type Capabilities = Record<keyof typeof OPTIONAL_ROUTES, boolean>;

type Result<T> = { data?: T; error?: unknown; response: Response };

async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
  }
  if (!result.response.ok || result.data === undefined) throw apiErrorOf(result.response.status, result.error);
  return result.data;
}

/** `{student}`: the phone digits or the business-scoped user id of a conversation (conversations/student.ts). */
const studentPath = (student: string) => ({ path: { student } });

/** Every admin-api call the console makes, typed by the generated OpenAPI types. */
export function createConsoleApi(options: ConsoleApiOptions) {
  const baseUrl = options.baseUrl ?? globalThis.location?.origin ?? '';
  const fetchImpl = options.fetch ?? ((input: Request) => globalThis.fetch(input));
  const client = createClient<paths>({ baseUrl, fetch: fetchImpl });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = options.token();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && request.headers.has('authorization')) options.onUnauthorized();
      return response;
    },
  };
  client.use(auth);

  /** A route the generated types do not know (yet): same auth, same error handling. */
  async function raw(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    const headers = new Headers(body === undefined ? {} : { 'content-type': 'application/json' });
    const token = options.token();
    if (token) headers.set('authorization', `Bearer ${token}`);
    let response: Response;
    try {
      response = await fetchImpl(
        new Request(`${baseUrl}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) }),
      );
    } catch (cause) {
      throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
    }
    if (response.status === 401 && token) options.onUnauthorized();
    if (!response.ok) throw apiErrorOf(response.status, await response.json().catch(() => undefined));
    return response;
  }

  return {
    ...agentToolsApi(client, unwrap),
    ...officeHoursApi(client, unwrap),
    ...privacyApi(client, unwrap),
    ...assignmentApi(client, unwrap),
    ...studentDataApi(client, unwrap, raw),
    ...reportsApi(client, unwrap),
    login: (email: string, password: string) => unwrap(client.POST('/api/admin/auth/login', { body: { email, password } })),
    me: () => unwrap(client.GET('/api/admin/auth/me')),
    /** Sets (or, with null, clears) the signed-in user's own display name; any role may. */
    updateMe: (displayName: string | null) => unwrap(client.PATCH('/api/admin/auth/me', { body: { display_name: displayName } })),
    listConversations: (query: { filter: ConversationFilter; q?: string; cursor?: string; limit?: number; label?: string }) => {
      const { filter, q, cursor, limit, label } = query;
      const support = filter === 'all' ? {} : { chat_support: 'true' as const, status: filter };
      // Usernames are stored without the '@' the console shows them with; an admin may well type it.
      const search = q?.trim().replace(/^@/, '');
      return unwrap(
        client.GET('/api/admin/conversations', {
          params: { query: { ...support, q: search || undefined, cursor, limit, label: label || undefined } },
        }),
      );
    },
    listMessages: (student: string, before?: string) =>
      unwrap(
        client.GET('/api/admin/conversations/{student}/messages', { params: { ...studentPath(student), query: { before, limit: 50 } } }),
      ),
    startChat: (student: string) =>
      unwrap(client.POST('/api/admin/conversations/{student}/chat-support/start', { params: studentPath(student), body: {} })),
    claimChat: (student: string) =>
      unwrap(client.POST('/api/admin/conversations/{student}/chat-support/claim', { params: studentPath(student) })),
    endChat: (student: string) =>
      unwrap(client.POST('/api/admin/conversations/{student}/chat-support/end', { params: studentPath(student), body: {} })),
    markRead: (student: string) => unwrap(client.POST('/api/admin/conversations/{student}/read', { params: studentPath(student) })),
    sendMessage: (student: string, message: string, idempotencyKey: string) =>
      unwrap(
        client.POST('/api/admin/conversations/{student}/chat-support/send', {
          params: { ...studentPath(student), header: { 'idempotency-key': idempotencyKey } },
          body: { message },
        }),
      ),
    /** The admin is typing: `{sent: true}` (202) or `{sent: false, reason}` (200, throttled or nothing to mark). */
    indicateTyping: (student: string) =>
      unwrap(client.POST('/api/admin/conversations/{student}/chat-support/typing', { params: studentPath(student), body: {} })),
    sendTemplate: async (student: string) => {
      await raw('POST', OPTIONAL_ROUTES.template.replace('{student}', encodeURIComponent(student)), {});
    },
    media: async (id: string): Promise<Blob> => (await raw('GET', OPTIONAL_ROUTES.media.replace('{id}', encodeURIComponent(id)))).blob(),
    stats: () => unwrap(client.GET('/api/admin/stats')),
    eventsTicket: () => unwrap(client.POST('/api/admin/events/ticket')),
    listUsers: () => unwrap(client.GET('/api/admin/users')),
    createUser: (user: NewUser) => unwrap(client.POST('/api/admin/users', { body: user })),
    updateUser: (id: string, change: UserChange) =>
      unwrap(client.PATCH('/api/admin/users/{id}', { params: { path: { id } }, body: change })),
    listAudit: (cursor?: string, action?: AuditAction) =>
      unwrap(client.GET('/api/admin/audit', { params: { query: { cursor, limit: 50, action } } })),
    listParkedEvents: (status: ParkedStatus, cursor?: string, limit = 50) =>
      unwrap(client.GET('/api/admin/parked-events', { params: { query: { status, cursor, limit } } })),
    retryParkedEvent: (id: string) => unwrap(client.POST('/api/admin/parked-events/{id}/retry', { params: { path: { id } } })),
    discardParkedEvent: (id: string) => unwrap(client.POST('/api/admin/parked-events/{id}/discard', { params: { path: { id } } })),
    /** Which optional routes this admin-api serves, read from its OpenAPI document. */
    capabilities: async (): Promise<Capabilities> => {
      const document = await unwrap(client.GET('/api/admin/openapi.json'));
      const serves = (path: string, method: string) => {
        const item: unknown = document.paths[path];
        return typeof item === 'object' && item !== null && method in item;
      };
      return { template: serves(OPTIONAL_ROUTES.template, 'post'), media: serves(OPTIONAL_ROUTES.media, 'get') };
    },
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
