import {
  addresseeOf,
  buildStatus,
  buildWebhook,
  messageSenderFields,
  pricingOf,
  unixSeconds,
  type BusinessNumber,
  type RecordedRequest,
  type StatusValue,
  type WebhookContact,
} from '@app/whatsapp-double';
import { businessContent } from '../domain/business-content';
import { advanceTicks, statusesUpTo, type BusinessBubble, type Student, type StudentBubble, type StudentContent } from '../domain/chat';
import type { PhoneDeps } from './ports';

const TYPING_MS = 25_000;

/** The student as `contacts[]` describes them: `wa_id` only when their phone is shared (or, on a status, was sent to). */
const contactOf = (student: Student, phone = student.waId): WebhookContact => ({
  user_id: student.userId,
  ...(phone === undefined ? {} : { wa_id: phone }),
  ...(student.name === undefined ? {} : { name: student.name }),
  ...(student.username === undefined ? {} : { username: student.username }),
});

/** The message as it appears in `messages[]` of Meta's webhook: `from` only with a shared phone, `from_user_id` always. */
function webhookMessage(bubble: StudentBubble, student: Student, business: BusinessNumber): Record<string, unknown> {
  const { content } = bubble;
  const base = {
    ...messageSenderFields({ phone: student.waId, userId: student.userId }),
    id: bubble.id,
    timestamp: unixSeconds(bubble.at),
    ...(bubble.replyTo ? { context: { from: business.displayPhoneNumber, id: bubble.replyTo } } : {}),
  };
  switch (content.type) {
    case 'text':
      return { ...base, type: 'text', text: { body: content.text } };
    case 'reply': {
      const reply = { id: content.id, title: content.title, ...(content.description ? { description: content.description } : {}) };
      return { ...base, type: 'interactive', interactive: { type: content.kind, [content.kind]: reply } };
    }
    case 'media': {
      const media = {
        mime_type: content.mimeType,
        sha256: content.sha256,
        id: content.mediaId,
        ...(content.caption ? { caption: content.caption } : {}),
        ...(content.kind === 'document' && content.filename ? { filename: content.filename } : {}),
      };
      return { ...base, type: content.kind, [content.kind]: media };
    }
  }
}

/**
 * The student sends something: it shows at once (✓), and turns ✓✓ when the gateway took the signed webhook
 * (or shows as not delivered once the retries are spent). `delivered` settles with the final bubble.
 */
export function studentSends(
  deps: PhoneDeps,
  student: Student,
  content: StudentContent,
  replyTo?: string,
): { bubble: StudentBubble; delivered: Promise<StudentBubble> } {
  const bubble: StudentBubble = {
    id: deps.newWamid(),
    studentId: student.userId,
    at: deps.now(),
    from: 'student',
    ticks: 'sent',
    content,
    ...(replyTo ? { replyTo } : {}),
  };
  deps.store.add(bubble);
  const payload = buildWebhook(deps.business, {
    contacts: [contactOf(student)],
    messages: [webhookMessage(bubble, student, deps.business)],
  });
  const delivered = deps.deliver(student.userId, payload).then((outcome) => {
    const ticks = (b: StudentBubble) => advanceTicks(b.ticks, outcome.ok ? 'delivered' : 'failed');
    const updated = deps.store.update(bubble.id, (b) =>
      b.from === 'student' ? { ...b, ticks: ticks(b), ...(outcome.ok ? {} : { failure: outcome.reason }) } : undefined,
    );
    return updated ?? (deps.store.bubble(bubble.id) as StudentBubble | undefined) ?? bubble;
  });
  return { bubble, delivered };
}

/**
 * Reports the statuses of a school message up to `target`, in order, each as its own signed webhook with
 * its pricing: `recipient_user_id` always (every student has one), `recipient_id` only when it was sent to
 * the phone. Contacts accompany them, as they accompany Meta's sent/delivered/read statuses.
 */
function advanceBusiness(deps: PhoneDeps, wamid: string, target: StatusValue): void {
  const bubble = deps.store.bubble(wamid);
  if (bubble?.from !== 'business') return;
  const student = deps.store.student(bubble.studentId);
  const steps = statusesUpTo(bubble.status, target);
  if (!student || steps.length === 0) return;
  deps.store.update(wamid, (b) => ({ ...(b as BusinessBubble), status: target }));
  for (const status of steps) {
    const statusObject = buildStatus({
      wamid,
      status: status as StatusValue,
      ...(bubble.toPhone === undefined ? {} : { recipientId: bubble.toPhone }),
      recipientUserId: student.userId,
      pricing: bubble.pricing,
      at: deps.now(),
      bizOpaqueCallbackData: bubble.callbackData,
    });
    void deps.deliver(
      student.userId,
      buildWebhook(deps.business, { contacts: [contactOf(student, bubble.toPhone)], statuses: [statusObject] }),
    );
  }
}

/**
 * Who an accepted send is for: the student with that phone (`to`) or that user id (`recipient`). A phone
 * nobody added becomes a student (Meta would reach whoever has it); so does an unknown user id.
 */
function recipientOf(deps: PhoneDeps, body: Record<string, unknown>): Student | undefined {
  const addressee = addresseeOf(body);
  if (!addressee) return undefined;
  const known = deps.store.student(addressee.id);
  if (known) return known;
  const student: Student =
    addressee.kind === 'phone'
      ? { userId: deps.newUserId(), waId: addressee.id, name: `+${addressee.id}`, createdAt: deps.now() }
      : { userId: addressee.id, createdAt: deps.now() };
  deps.store.saveStudent(student);
  return student;
}

/** The Cloud API accepted a send: the phone shows it, then Meta's statuses follow (read: see studentReads). */
export function businessSent(deps: PhoneDeps, request: RecordedRequest): void {
  if (!request.wamid) return;
  const student = recipientOf(deps, request.body);
  if (!student) return;
  const context = request.body.context as { message_id?: unknown } | undefined;
  const addressee = addresseeOf(request.body);
  const bubble: BusinessBubble = {
    id: request.wamid,
    studentId: student.userId,
    at: deps.now(),
    from: 'business',
    status: 'accepted',
    content: businessContent(request.body),
    pricing: pricingOf(request.body),
    ...(addressee?.kind === 'phone' ? { toPhone: addressee.id } : {}),
    ...(typeof context?.message_id === 'string' ? { replyTo: context.message_id } : {}),
    ...(typeof request.body.biz_opaque_callback_data === 'string' ? { callbackData: request.body.biz_opaque_callback_data } : {}),
  };
  deps.store.add(bubble);
  deps.typing(student.userId, 0);
  const wamid = request.wamid;
  deps.schedule(deps.delays.sentMs, () => advanceBusiness(deps, wamid, 'sent'));
  deps.schedule(deps.delays.deliveredMs, () => advanceBusiness(deps, wamid, 'delivered'));
  if (deps.delays.readMs > 0) deps.schedule(deps.delays.readMs, () => advanceBusiness(deps, wamid, 'read'));
}

/** The school marked a message read: it and every earlier message of the student turn blue. */
export function businessMarkedRead(deps: PhoneDeps, request: RecordedRequest): void {
  const marked = deps.store.bubble(String(request.body.message_id));
  if (marked?.from !== 'student') return;
  for (const bubble of deps.store.bubbles(marked.studentId)) {
    if (bubble.from === 'student')
      deps.store.update(bubble.id, (b) => ({ ...(b as StudentBubble), ticks: advanceTicks((b as StudentBubble).ticks, 'read') }));
    if (bubble.id === marked.id) break;
  }
  if (request.body.typing_indicator !== undefined) deps.typing(marked.studentId, deps.now() + TYPING_MS);
}

/** A phone page shows the chat: every school message in it is read, and the school hears so. */
export function studentReads(deps: PhoneDeps, student: Student): number {
  const unread = deps.store.bubbles(student.userId).filter((b) => b.from === 'business' && b.status !== 'read');
  for (const bubble of unread) advanceBusiness(deps, bubble.id, 'read');
  return unread.length;
}
