/**
 * A student the phone page plays, as Meta knows them in 2026: every user has a business-scoped user id
 * (`userId`, the key the sandbox keeps them by); the phone (`waId`, digits) is absent for a student who
 * adopted a username and withholds their number; `name` is the profile name Meta passes on.
 */
export interface Student {
  userId: string;
  waId?: string;
  name?: string;
  username?: string;
  createdAt: number;
}

/** What a phone shows for a student wherever it names them: their profile name, else @username, else the number. */
export function displayName(student: Pick<Student, 'name' | 'username' | 'waId' | 'userId'>): string {
  if (student.name) return student.name;
  if (student.username) return `@${student.username}`;
  return student.waId ? `+${student.waId}` : student.userId;
}

/** What the student sees on their own messages: ✓ at WhatsApp, ✓✓ delivered to the school, blue once read. */
export type StudentTicks = 'sent' | 'delivered' | 'read' | 'failed';
/** The statuses the sandbox has reported to the school for one of its messages, in Meta's order. */
export type BusinessStatus = 'accepted' | 'sent' | 'delivered' | 'read';
const BUSINESS_STATUS_ORDER: BusinessStatus[] = ['accepted', 'sent', 'delivered', 'read'];

export type StudentContent =
  | { type: 'text'; text: string }
  | { type: 'reply'; kind: 'button_reply' | 'list_reply'; id: string; title: string; description?: string }
  | { type: 'media'; kind: 'image' | 'document'; mediaId: string; mimeType: string; sha256: string; filename?: string; caption?: string };

export interface Choice {
  id: string;
  title: string;
  description?: string;
}

export type BusinessContent =
  | { type: 'text'; text: string }
  | { type: 'buttons'; header?: string; body: string; footer?: string; buttons: Choice[] }
  | { type: 'list'; header?: string; body: string; footer?: string; button: string; sections: { title?: string; rows: Choice[] }[] }
  | { type: 'media'; kind: string; mediaId?: string; link?: string; caption?: string; filename?: string }
  | { type: 'template'; name: string; language: string; parameters: string[] }
  | { type: 'other'; summary: string };

interface BubbleBase {
  /** The message's wamid. */
  id: string;
  /** The student whose chat it is in: their business-scoped user id. */
  studentId: string;
  at: number;
  /** The wamid this message quotes or answers (a tapped button answers the message it belongs to). */
  replyTo?: string;
}

export interface StudentBubble extends BubbleBase {
  from: 'student';
  ticks: StudentTicks;
  /** Why the school never got it, when `ticks` is failed. */
  failure?: string;
  content: StudentContent;
}

export interface BusinessBubble extends BubbleBase {
  from: 'business';
  status: BusinessStatus;
  content: BusinessContent;
  /** The sender's `biz_opaque_callback_data`, echoed in every status as Meta does. */
  callbackData?: string;
  /** The phone it was sent to (`to`); absent when it was sent to the user id (`recipient`). Statuses say which. */
  toPhone?: string;
  /** What Meta prices it as (per-message pricing), repeated on each of its statuses. */
  pricing: { type: string; category: string };
}

export type Bubble = StudentBubble | BusinessBubble;

const TICK_ORDER: StudentTicks[] = ['sent', 'delivered', 'read'];

/** Ticks only move forward (a late "delivered" never greys a blue tick); failed is final. */
export function advanceTicks(current: StudentTicks, next: StudentTicks): StudentTicks {
  if (current === 'failed' || next === 'failed') return current === 'read' ? current : 'failed';
  return TICK_ORDER.indexOf(next) > TICK_ORDER.indexOf(current) ? next : current;
}

/** The statuses still to report to reach `target`, in order (none when already there or beyond). */
export function statusesUpTo(current: BusinessStatus, target: BusinessStatus): BusinessStatus[] {
  return BUSINESS_STATUS_ORDER.slice(BUSINESS_STATUS_ORDER.indexOf(current) + 1, BUSINESS_STATUS_ORDER.indexOf(target) + 1);
}
