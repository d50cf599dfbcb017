// Test support for the bot's unit tests (not used by the service): the content as the migrations seed it
// (texts worded as the fallback, which db/seed-content.test.ts holds the seed to; the catalogue copied), conversations, inputs, and a runner that checks every reply against WhatsApp's limits.
import { outboundMessageSchema, type OutboundMessage, type OutboundMessageInput } from '@app/contracts';
import type { InboundInput } from '../../inbound-input';
import { buildBotContent, type BotContent } from '../content';
import { DEFAULT_TEXTS } from '../default-texts';
import { handleInbound } from '../handle-inbound';
import { botStateSchema, type BotState } from '../state';
import type { BotContext, BotDecision, ConversationSnapshot } from '../types';
import type { StudentProfile } from '../student-profile';
import { SEED_CLASSES, SEED_FAQ, SEED_SUBJECTS } from './seed-catalogue';

export function seededContent(): BotContent {
  return buildBotContent({
    texts: Object.entries(DEFAULT_TEXTS).map(([id, body]) => ({ id, body })),
    subjects: SEED_SUBJECTS.map(([id, title], position) => ({ id, title, position })),
    classes: SEED_CLASSES.map(([id, title], position) => ({ id, title, position })),
    faqCategories: SEED_FAQ.map(([id, title], position) => ({ id, title, position })),
    faqEntries: SEED_FAQ.flatMap(([categoryId, , entries]) =>
      entries.map(([id, question, answer], position) => ({ id, category_id: categoryId, question, answer, position })),
    ),
  });
}

export const ADA: StudentProfile = { name: 'Ada Lovelace', email: 'ada@example.com', className: 'Grade 9' };

export function newcomer(botState: BotState = { step: 'new' }, overrides: Partial<ConversationSnapshot> = {}): ConversationSnapshot {
  return {
    phoneNumber: '447700900001',
    profileName: 'Grace Hopper',
    student: null,
    botState,
    support: { status: 'none', lastReceiptAt: null },
    ...overrides,
  };
}

export function student(botState: BotState = { step: 'menu' }, overrides: Partial<ConversationSnapshot> = {}): ConversationSnapshot {
  return newcomer(botState, { student: ADA, ...overrides });
}

export const inputs = {
  text: (text: string): InboundInput => ({ kind: 'text', text }),
  tap: (id: string, title = 'whatever the title says'): InboundInput => ({ kind: 'reply', id, title }),
  image: (caption?: string): InboundInput => ({
    kind: 'media',
    mediaType: 'image',
    mediaId: 'media-123',
    mimeType: 'image/jpeg',
    sha256: 'c2hhMjU2',
    ...(caption ? { caption } : {}),
  }),
  document: (): InboundInput => ({
    kind: 'media',
    mediaType: 'document',
    mediaId: 'doc-9',
    mimeType: 'application/pdf',
    filename: 'essay.pdf',
  }),
  audio: (): InboundInput => ({ kind: 'media', mediaType: 'audio', mediaId: 'voice-1', mimeType: 'audio/ogg' }),
  sticker: (): InboundInput => ({ kind: 'unsupported', type: 'sticker' }),
  location: (): InboundInput => ({ kind: 'unsupported', type: 'location' }),
};

export const NOW = new Date('2026-11-23T09:00:00Z');

/** Runs the bot and fails when a reply breaks a WhatsApp limit or the new state would not load again. */
export function run(
  conversation: ConversationSnapshot,
  input: InboundInput,
  opts: { content?: BotContent; now?: Date; homeworkReference?: string } & Pick<
    BotContext,
    'supportChatsWaiting' | 'csat' | 'consent' | 'officeClosed' | 'expectedWait'
  > = {},
): BotDecision & { messages: OutboundMessage[] } {
  const decision = handleInbound(conversation, input, opts.content ?? seededContent(), {
    now: opts.now ?? NOW,
    homeworkReference: opts.homeworkReference ?? 'HW-000042',
    ...(opts.supportChatsWaiting !== undefined ? { supportChatsWaiting: opts.supportChatsWaiting } : {}),
    ...(opts.csat ? { csat: opts.csat } : {}),
    ...(opts.consent ? { consent: opts.consent } : {}),
    ...(opts.officeClosed ? { officeClosed: opts.officeClosed } : {}),
    ...(opts.expectedWait ? { expectedWait: opts.expectedWait } : {}),
  });
  const messages = decision.replies.map((reply) => parseOutbound(reply));
  botStateSchema.parse(decision.botState);
  return { ...decision, messages };
}

export function parseOutbound(reply: OutboundMessageInput): OutboundMessage {
  const parsed = outboundMessageSchema.safeParse(reply);
  if (!parsed.success) throw new Error(`reply breaks WhatsApp limits: ${JSON.stringify(parsed.error.issues)}\n${JSON.stringify(reply)}`);
  return parsed.data;
}

export function bodyOf(message: OutboundMessage): string {
  return message.kind === 'text' ? message.body : message.kind === 'buttons' || message.kind === 'list' ? message.body : '';
}

/** The ids a student could tap in a message. */
export function idsOf(message: OutboundMessage): string[] {
  if (message.kind === 'buttons') return message.buttons.map((b) => b.id);
  if (message.kind === 'list') return message.sections.flatMap((s) => s.rows.map((r) => r.id));
  return [];
}
