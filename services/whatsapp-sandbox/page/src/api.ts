import type { Bubble, BusinessContent, Choice, Student } from '../../src/domain/chat';

export type { Bubble, BusinessContent, Choice, Student };
export type ListContent = Extract<BusinessContent, { type: 'list' }>;

export interface Info {
  business: { name: string; display_phone_number: string };
  webhook_url: string;
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, init);
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body as T;
}

const postJson = <T>(path: string, body: unknown = {}) =>
  call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const studentPath = (waId: string, action: string) => `/phone/api/students/${encodeURIComponent(waId)}/${action}`;

/** The sandbox's phone API (phone.routes.ts on the server). */
export const api = {
  info: () => call<Info>('/phone/api/info'),
  addStudent: (waId: string, name: string) => postJson<Student>('/phone/api/students', { wa_id: waId, name }),
  sendText: (waId: string, text: string) => postJson<Bubble>(studentPath(waId, 'messages'), { text }),
  reply: (waId: string, kind: 'button_reply' | 'list_reply', choice: Choice, replyTo: string) =>
    postJson<Bubble>(studentPath(waId, 'replies'), { kind, id: choice.id, title: choice.title, ...(choice.description ? { description: choice.description } : {}), reply_to: replyTo }),
  upload: (waId: string, file: File, caption: string) =>
    call<Bubble>(studentPath(waId, 'media'), {
      method: 'POST',
      headers: {
        'content-type': file.type || 'application/octet-stream',
        'x-filename': encodeURIComponent(file.name),
        ...(caption ? { 'x-caption': encodeURIComponent(caption) } : {}),
      },
      body: file,
    }),
  read: (waId: string) => postJson<{ read: number }>(studentPath(waId, 'read')),
};
