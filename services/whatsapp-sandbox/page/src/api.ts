import type { Bubble, BusinessContent, Choice, Student } from '../../src/domain/chat';

export type { Bubble, BusinessContent, Choice, Student };
export { displayName } from '../../src/domain/chat';
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
/** `student`: the student's phone digits or business-scoped user id (the sandbox finds either). */
const studentPath = (student: string, action: string) => `/phone/api/students/${encodeURIComponent(student)}/${action}`;

/** The sandbox's phone API (phone.routes.ts on the server). */
export const api = {
  info: () => call<Info>('/phone/api/info'),
  /** A phone student, or (no phone) a username-only student; blank fields are left out. */
  addStudent: (fields: { waId: string; name: string; username: string }) =>
    postJson<Student>('/phone/api/students', {
      ...(fields.waId ? { wa_id: fields.waId } : {}),
      ...(fields.name ? { name: fields.name } : {}),
      ...(fields.username ? { username: fields.username } : {}),
    }),
  sendText: (student: string, text: string) => postJson<Bubble>(studentPath(student, 'messages'), { text }),
  reply: (student: string, kind: 'button_reply' | 'list_reply', choice: Choice, replyTo: string) =>
    postJson<Bubble>(studentPath(student, 'replies'), {
      kind,
      id: choice.id,
      title: choice.title,
      ...(choice.description ? { description: choice.description } : {}),
      reply_to: replyTo,
    }),
  upload: (student: string, file: File, caption: string) =>
    call<Bubble>(studentPath(student, 'media'), {
      method: 'POST',
      headers: {
        'content-type': file.type || 'application/octet-stream',
        'x-filename': encodeURIComponent(file.name),
        ...(caption ? { 'x-caption': encodeURIComponent(caption) } : {}),
      },
      body: file,
    }),
  read: (student: string) => postJson<{ read: number }>(studentPath(student, 'read')),
};
