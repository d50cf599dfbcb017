import type { Conversation } from '../api/types';
import { formatPhone } from '../ui/format';

// How the console names a student. WhatsApp identifies a student by phone number, by business-scoped user id
// (BSUID) when they adopted a username and withhold their number, or by both; admin-api accepts either as
// `{student}` and the engine finds the same conversation by either once it knows both.

/** The ids a conversation or a live event names its student by. */
export type StudentIds = Pick<Conversation, 'phone_number' | 'user_id'>;
type NamedStudent = StudentIds & Pick<Conversation, 'student_name' | 'username'>;

const PHONE = /^\d{6,20}$/;
const BSUID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;

/** Whether a URL segment can name a student: phone digits or a BSUID (as admin-api's `{student}`). */
export const isStudentKey = (value: string): boolean => PHONE.test(value) || BSUID.test(value);

/**
 * The `{student}` of the console's URLs and API calls: the phone when known, else the user id. admin-api
 * never serves a conversation that has neither (the engine keys every student by one of them).
 */
export const studentKey = (ids: StudentIds): string => ids.phone_number ?? ids.user_id ?? '';

/** Whether `key` (a URL's `{student}`) names this student, by either id. */
export const isNamedBy = (ids: StudentIds, key: string): boolean => ids.phone_number === key || ids.user_id === key;

/** Whether two views are of one student: a shared phone or a shared user id (either may be missing on one). */
export const sameStudent = (a: StudentIds, b: StudentIds): boolean =>
  (a.phone_number !== null && a.phone_number === b.phone_number) || (a.user_id !== null && a.user_id === b.user_id);

/** Every id a view names its student by (one or two). */
export const idsOf = (ids: StudentIds): string[] => [ids.phone_number, ids.user_id].filter((id): id is string => id !== null);

const shown = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim() !== '';
const handle = (username: string) => `@${username.replace(/^@/, '')}`;

/** A `{student}` shown on its own (before the conversation has loaded): a phone with its +, a user id as it is. */
export const formatStudentKey = (key: string): string => (PHONE.test(key) ? formatPhone(key) : key);

/**
 * The name a student is shown by: their registered name, else their WhatsApp profile name (the engine sends
 * the first it has as student_name), else @username, else the phone, else the user id. Never empty.
 */
export function studentName(student: NamedStudent): string {
  const candidates = [
    student.student_name?.trim(),
    shown(student.username) ? handle(student.username) : null,
    shown(student.phone_number) ? formatPhone(student.phone_number) : null,
    student.user_id,
  ];
  return candidates.find(shown) ?? 'Unknown student';
}

/**
 * The line under the name: the phone when there is one, else @username, else the user id, skipping what the
 * name already says; null when nothing is left to add.
 */
export function studentDetail(student: NamedStudent): string | null {
  const name = studentName(student);
  const candidates = [
    shown(student.phone_number) ? formatPhone(student.phone_number) : null,
    shown(student.username) ? handle(student.username) : null,
    student.user_id,
  ];
  return candidates.find((text): text is string => shown(text) && text !== name) ?? null;
}
