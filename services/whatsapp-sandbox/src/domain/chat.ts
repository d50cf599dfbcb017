/** A student the phone page plays: a WhatsApp id (digits) and the profile name Meta passes on. */
export interface Student {
  waId: string;
  name: string;
  createdAt: number;
}

/** What the student sees on their own messages: ✓ at WhatsApp, ✓✓ delivered to the school, blue once read. */
export type StudentTicks = 'sent' | 'delivered' | 'read' | 'failed';
/** The statuses the sandbox has reported to the school for one of its messages, in Meta's order. */
export type BusinessStatus = 'accepted' | 'sent' | 'delivered' | 'read';
export const BUSINESS_STATUS_ORDER: BusinessStatus[] = ['accepted', 'sent', 'delivered', 'read'];

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
  waId: string;
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
