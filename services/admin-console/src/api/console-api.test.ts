import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { createConsoleApi } from './console-api';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function apiAnswering(answer: (request: Request) => Response, token: string | null = 'tok') {
  const requests: Request[] = [];
  const onUnauthorized = vi.fn();
  const api = createConsoleApi({
    baseUrl: 'http://console.test',
    token: () => token,
    onUnauthorized,
    fetch: async (input) => {
      const request = input instanceof Request ? input : new Request(input);
      requests.push(request);
      return answer(request);
    },
  });
  return { api, requests, onUnauthorized };
}

describe('the console API client', () => {
  it('sends the bearer token and the Idempotency-Key of a draft, and the message in the `message` field', async () => {
    const message = { id: 'm1', status: 'queued' };
    const { api, requests } = apiAnswering(() => json(202, { message }));
    await api.sendMessage('447700900001', 'Hello', 'draft-key-1');
    const [request] = requests;
    expect(request?.url).toBe('http://console.test/api/admin/conversations/447700900001/chat-support/send');
    expect(request?.headers.get('authorization')).toBe('Bearer tok');
    expect(request?.headers.get('idempotency-key')).toBe('draft-key-1');
    expect(await request?.json()).toEqual({ message: 'Hello' });
  });

  it('sets and clears the own display name with PATCH auth/me, null meaning none', async () => {
    const user = { id: 'u1', email: 'agent@school.test', role: 'agent', display_name: null };
    const { api, requests } = apiAnswering(() => json(200, { user }));
    expect(await api.updateMe(null)).toEqual({ user });
    expect(requests[0]?.method).toBe('PATCH');
    expect(requests[0]?.url).toBe('http://console.test/api/admin/auth/me');
    expect(await requests[0]?.json()).toEqual({ display_name: null });
  });

  it("turns admin-api's error body into an ApiError with its code", async () => {
    const { api } = apiAnswering(() => json(409, { error: { code: 'chat_not_active', message: 'the chat is not active' } }));
    const error = await api.claimChat('447700900001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'chat_not_active', message: 'the chat is not active' });
  });

  it('reports a 401 to a call made with a token as the end of the session', async () => {
    const { api, onUnauthorized } = apiAnswering(() => json(401, { error: { code: 'unauthorized', message: 'token expired' } }));
    await expect(api.stats()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('does not end a session for a failed login', async () => {
    const { api, onUnauthorized } = apiAnswering(
      () => json(401, { error: { code: 'invalid_credentials', message: 'wrong email or password' } }),
      null,
    );
    await expect(api.login('a@b.org', 'nope')).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('maps the filters to the query admin-api expects', async () => {
    const { api, requests } = apiAnswering(() => json(200, { items: [], next_cursor: null }));
    await api.listConversations({ filter: 'waiting', q: 'ada', cursor: 'c1' });
    await api.listConversations({ filter: 'all', q: '' });
    expect(new URL(requests[0]!.url).searchParams.toString()).toBe('chat_support=true&status=waiting&q=ada&cursor=c1');
    expect(new URL(requests[1]!.url).search).toBe('');
  });

  it('searches a username typed with its @ without the @, as admin-api stores it', async () => {
    const { api, requests } = apiAnswering(() => json(200, { items: [], next_cursor: null }));
    await api.listConversations({ filter: 'all', q: '@thandi.m' });
    await api.listConversations({ filter: 'all', q: '@' });
    expect(new URL(requests[0]!.url).searchParams.get('q')).toBe('thandi.m');
    expect(new URL(requests[1]!.url).search).toBe('');
  });

  it('reads the optional routes from the OpenAPI document', async () => {
    const paths = { '/api/admin/conversations/{student}/chat-support/template': { post: {} } };
    const { api } = apiAnswering(() => json(200, { openapi: '3.1.0', info: { title: 'admin-api', version: '1' }, paths }));
    expect(await api.capabilities()).toEqual({ template: true, media: false });
  });

  it('calls an optional route with the same token and error handling', async () => {
    const { api, requests } = apiAnswering(() => json(422, { error: { code: 'invalid_request', message: 'no template configured' } }));
    await expect(api.sendTemplate('447700900001')).rejects.toMatchObject({ status: 422, message: 'no template configured' });
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer tok');
    expect(requests[0]?.method).toBe('POST');
  });

  it('puts a phone number or a business-scoped user id into the {student} of a conversation path', async () => {
    const { api, requests } = apiAnswering(() => json(200, { items: [], next_cursor: null }));
    await api.listMessages('447700900001');
    await api.listMessages('NG.13491208655302741918', 'm3');
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/api/admin/conversations/447700900001/messages',
      '/api/admin/conversations/NG.13491208655302741918/messages',
    ]);
  });

  it('says the server could not be reached when fetch itself fails', async () => {
    const { api } = apiAnswering(() => {
      throw new TypeError('fetch failed');
    });
    await expect(api.stats()).rejects.toMatchObject({ code: 'network' });
  });
});
