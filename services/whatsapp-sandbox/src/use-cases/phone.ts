import { buildStatus, buildWebhook, unixSeconds, type BusinessNumber, type RecordedRequest, type StatusValue } from '@app/whatsapp-double';
import type { ChatStore } from '../adapters/chat.store';
import type { DeliveryOutcome } from '../adapters/webhook-delivery';
import { businessContent } from '../domain/business-content';
import { advanceTicks, statusesUpTo, type BusinessBubble, type Student, type StudentBubble, type StudentContent } from '../domain/chat';

export interface PhoneDeps {
  store: ChatStore;
  business: BusinessNumber;
  deliver(key: string, payload: unknown): Promise<DeliveryOutcome>;
  /** Runs `work` after `ms` unless the sandbox stops first. */
  schedule(ms: number, work: () => void): void;
  /** Shows "typing…" on the student's phone until then (Meta's typing indicator lasts up to 25 s). */
  typing(waId: string, until: number): void;
  delays: { sentMs: number; deliveredMs: number; readMs: number };
  now(): number;
  newWamid(): string;
}

const TYPING_MS = 25_000;

export function saveStudent(deps: PhoneDeps, input: { waId: string; name: string }): Student {
  const student = { waId: input.waId, name: input.name, createdAt: deps.store.student(input.waId)?.createdAt ?? deps.now() };
  deps.store.saveStudent(student);
  return student;
}

/** The message as it appears in `messages[]` of Meta's webhook. */
function webhookMessage(bubble: StudentBubble, business: BusinessNumber): Record<string, unknown> {
  const { content } = bubble;
  const base = {
    from: bubble.waId,
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
  waId: string,
  content: StudentContent,
  replyTo?: string,
): { bubble: StudentBubble; delivered: Promise<StudentBubble> } {
  const student = deps.store.student(waId) ?? saveStudent(deps, { waId, name: waId });
  const bubble: StudentBubble = { id: deps.newWamid(), waId, at: deps.now(), from: 'student', ticks: 'sent', content, ...(replyTo ? { replyTo } : {}) };
  deps.store.add(bubble);
  const payload = buildWebhook(deps.business, { contacts: [{ wa_id: waId, name: student.name }], messages: [webhookMessage(bubble, deps.business)] });
  const delivered = deps.deliver(waId, payload).then((outcome) => {
    const ticks = (b: StudentBubble) => advanceTicks(b.ticks, outcome.ok ? 'delivered' : 'failed');
    const updated = deps.store.update(bubble.id, (b) =>
      b.from === 'student' ? { ...b, ticks: ticks(b), ...(outcome.ok ? {} : { failure: outcome.reason }) } : undefined,
    );
    return updated ?? (deps.store.bubble(bubble.id) as StudentBubble | undefined) ?? bubble;
  });
  return { bubble, delivered };
}

/** Reports the statuses of a school message up to `target`, in order, each as its own signed webhook. */
export function advanceBusiness(deps: PhoneDeps, wamid: string, target: StatusValue): void {
  const bubble = deps.store.bubble(wamid);
  if (bubble?.from !== 'business') return;
  const steps = statusesUpTo(bubble.status, target);
  if (steps.length === 0) return;
  deps.store.update(wamid, (b) => ({ ...(b as BusinessBubble), status: target }));
  for (const status of steps) {
    const statusObject = buildStatus({ wamid, status: status as StatusValue, recipientId: bubble.waId, at: deps.now(), bizOpaqueCallbackData: bubble.callbackData });
    void deps.deliver(bubble.waId, buildWebhook(deps.business, { statuses: [statusObject] }));
  }
}

/** The Cloud API accepted a send: the phone shows it, then Meta's statuses follow (read: see studentReads). */
export function businessSent(deps: PhoneDeps, request: RecordedRequest): void {
  const waId = String(request.body.to);
  if (!request.wamid) return;
  if (!deps.store.student(waId)) saveStudent(deps, { waId, name: `+${waId}` });
  const context = request.body.context as { message_id?: unknown } | undefined;
  const bubble: BusinessBubble = {
    id: request.wamid,
    waId,
    at: deps.now(),
    from: 'business',
    status: 'accepted',
    content: businessContent(request.body),
    ...(typeof context?.message_id === 'string' ? { replyTo: context.message_id } : {}),
    ...(typeof request.body.biz_opaque_callback_data === 'string' ? { callbackData: request.body.biz_opaque_callback_data } : {}),
  };
  deps.store.add(bubble);
  deps.typing(waId, 0);
  const wamid = request.wamid;
  deps.schedule(deps.delays.sentMs, () => advanceBusiness(deps, wamid, 'sent'));
  deps.schedule(deps.delays.deliveredMs, () => advanceBusiness(deps, wamid, 'delivered'));
  if (deps.delays.readMs > 0) deps.schedule(deps.delays.readMs, () => advanceBusiness(deps, wamid, 'read'));
}

/** The school marked a message read: it and every earlier message of the student turn blue. */
export function businessMarkedRead(deps: PhoneDeps, request: RecordedRequest): void {
  const marked = deps.store.bubble(String(request.body.message_id));
  if (marked?.from !== 'student') return;
  for (const bubble of deps.store.bubbles(marked.waId)) {
    if (bubble.from === 'student') deps.store.update(bubble.id, (b) => ({ ...(b as StudentBubble), ticks: advanceTicks((b as StudentBubble).ticks, 'read') }));
    if (bubble.id === marked.id) break;
  }
  if (request.body.typing_indicator !== undefined) deps.typing(marked.waId, deps.now() + TYPING_MS);
}

/** A phone page shows the chat: every school message in it is read, and the school hears so. */
export function studentReads(deps: PhoneDeps, waId: string): number {
  const unread = deps.store.bubbles(waId).filter((b) => b.from === 'business' && b.status !== 'read');
  for (const bubble of unread) advanceBusiness(deps, bubble.id, 'read');
  return unread.length;
}
