import type { Student } from '../domain/chat';
import type { PhoneDeps } from './ports';

export type SaveStudentResult = { ok: true; student: Student } | { ok: false; code: 'username_taken'; message: string };

/**
 * Adds a student, or updates the one with that phone or that username: they keep their business-scoped user
 * id. A student with a phone shares it; a student with only a username withholds it, and Meta names them by
 * their user id alone. A username belongs to one student (usernames are unique on WhatsApp).
 */
export function saveStudent(
  deps: Pick<PhoneDeps, 'store' | 'now' | 'newUserId'>,
  input: { waId?: string; name?: string; username?: string },
): SaveStudentResult {
  const byPhone = input.waId === undefined ? undefined : deps.store.student(input.waId);
  const byUsername = input.username === undefined ? undefined : deps.store.students().find((s) => s.username === input.username);
  const clash =
    byUsername !== undefined &&
    (byPhone !== undefined ? byPhone.userId !== byUsername.userId : byUsername.waId !== undefined && input.waId !== undefined);
  if (clash) return { ok: false, code: 'username_taken', message: `@${input.username} is another student's username` };
  const existing = byPhone ?? byUsername;
  const waId = input.waId ?? existing?.waId;
  const name = input.name ?? existing?.name;
  const username = input.username ?? existing?.username;
  const student: Student = {
    userId: existing?.userId ?? deps.newUserId(),
    ...(waId === undefined ? {} : { waId }),
    ...(name === undefined ? {} : { name }),
    ...(username === undefined ? {} : { username }),
    createdAt: existing?.createdAt ?? deps.now(),
  };
  deps.store.saveStudent(student);
  return { ok: true, student };
}
