import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '@app/contracts';
import { SEED_CLASSES, SEED_FAQ, SEED_SUBJECTS, SEED_TEXTS } from './migrations/2026_11_22_0630_create_bot_content';
import { SUPPORT_SEED_TEXTS } from './migrations/2026_11_23_0600_create_support_chats';
import { OFFICE_HOURS_SEED_TEXTS } from './migrations/2026_12_07_1100_create_office_hours';
import { CSAT_SEED_TEXTS } from './migrations/2026_12_07_1500_create_support_chat_csat';
import { CONSENT_SEED_TEXTS } from './migrations/2026_12_07_1400_create_privacy_records';
import type { ConsentContext } from '../domain/consent';
import type { InboundInput } from '../domain/inbound-input';
import type { BotContent } from '../domain/bot/content';
import { DEFAULT_TEXTS } from '../domain/bot/default-texts';
import type { BotEvent } from '../domain/bot/events';
import { ALL_STEPS, type Step } from '../domain/bot/state';
import * as catalogue from '../domain/bot/testing/seed-catalogue';
import { idsOf, inputs as i, newcomer, NOW, run, seededContent } from '../domain/bot/testing/fixtures';
import type { ConversationSnapshot } from '../domain/bot/types';

// The seeded content, beside the migrations that seed it. Every message the bot can produce must pass
// WhatsApp's limits (`run` parses each reply with the same schema writeOutboundMessage uses). Rather than
// list them, explore the bot: from a new number, tap every id each reply offers and send a set of typed
// answers, breadth-first, applying the events as the use case would.

const SURVEYED_CHAT = '0a6f3c1e-5b7d-4c2a-9e8f-1d2c3b4a5f60';

const TYPED: InboundInput[] = [
  i.text('Ada Lovelace'),
  i.text('ada@example.com'),
  i.text('Form 4B'),
  i.text('+234 801 234 5678'),
  i.text('mathematics'),
  i.text('what?'),
  i.text('help'),
  i.text('cancel'),
  i.text('support'),
  i.text('end chat'),
  i.image('page 1'),
  i.sticker(),
];

function apply(conversation: ConversationSnapshot, events: BotEvent[], botState: ConversationSnapshot['botState']): ConversationSnapshot {
  let next = { ...conversation, botState };
  for (const event of events) {
    if (event.type === 'student.registered') next = { ...next, student: event.profile };
    if (event.type === 'student.profile_updated' && next.student)
      next = { ...next, student: { ...next.student, [event.field]: event.value } };
    if (event.type === 'support.requested') next = { ...next, support: { status: 'waiting', lastReceiptAt: null } };
    if (event.type === 'support.receipt_sent') next = { ...next, support: { ...next.support, lastReceiptAt: NOW } };
    if (event.type === 'support.ended') next = { ...next, support: { status: 'ended', lastReceiptAt: null } };
  }
  return next;
}

/** The school asks the age band and needs consent under 16: the band picked and the consent given are the student's. */
function consentAfter(consent: ConsentContext, events: BotEvent[]): ConsentContext {
  let next = consent;
  for (const event of events) {
    if (event.type === 'student.age_band_given') next = { ...next, ageBand: event.ageBand };
    if (event.type === 'consent.given') next = { ...next, consented: true };
  }
  return next;
}
const CONSENT_RULES: ConsentContext = { askAgeBand: true, guardianConsentBands: ['under_13', '13_15'], ageBand: null, consented: false };

function explore(content: BotContent, profileName: string | null) {
  const seen = new Set<string>();
  const messages: OutboundMessage[] = [];
  const steps = new Set<Step>();
  let frontier: { conversation: ConversationSnapshot; consent: ConsentContext; offered: string[] }[] = [
    { conversation: newcomer({ step: 'new' }, { profileName }), consent: CONSENT_RULES, offered: [] },
  ];
  for (let depth = 0; depth < 9 && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { conversation, consent, offered } of frontier) {
      for (const input of [...offered.map((id) => i.tap(id)), ...TYPED]) {
        // Every chat that ends is followed by the survey, so that its states and messages are explored too.
        const result = run(conversation, input, { content, csat: { chatId: SURVEYED_CHAT }, consent });
        messages.push(...result.messages);
        const after = apply(conversation, result.events, result.botState);
        steps.add(after.botState.step);
        const afterConsent = consentAfter(consent, result.events);
        const key = JSON.stringify([after.botState, after.student !== null, after.support.status, afterConsent]);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push({ conversation: after, consent: afterConsent, offered: result.messages.flatMap(idsOf) });
      }
    }
    frontier = next;
  }
  return { messages, steps };
}

function hostileContent(): BotContent {
  const long = (label: string, n: number) => `${label} `.repeat(Math.ceil(n / (label.length + 1))).slice(0, n);
  return {
    texts: Object.fromEntries(Object.keys(DEFAULT_TEXTS).map((key) => [key, `${long(key, 5000)} {name} {subject} {reference}`])),
    subjects: Array.from({ length: 15 }, (_, n) => ({ id: `s${n}`, title: long(`Subject ${n}`, 300) })),
    classes: Array.from({ length: 25 }, (_, n) => ({ id: `c${n}`, title: long(`Class ${n}`, 30) })),
    faq: Array.from({ length: 12 }, (_, n) => ({
      id: `cat${n}`,
      title: long(`Category ${n}`, 200),
      entries: Array.from({ length: 14 }, (_, k) => ({
        id: `q${n}-${k}`,
        question: long(`Question ${k}`, 200),
        answer: long('Answer', 4000),
      })),
    })),
  };
}

describe('every message the bot can produce', () => {
  it('passes the limits with the seeded default content, reaching every state', () => {
    const { messages, steps } = explore(seededContent(), 'Grace Hopper');
    expect([...steps].sort()).toEqual([...ALL_STEPS].sort());
    expect(new Set(messages.map((m) => m.kind))).toEqual(new Set(['text', 'buttons', 'list']));
    expect(messages.length).toBeGreaterThan(500);
  });

  it('passes the limits with content a school made far too long, and paged lists longer than ten', () => {
    const { messages, steps } = explore(hostileContent(), 'Grace Hopper');
    expect([...steps].sort()).toEqual([...ALL_STEPS].sort());
    expect(messages.some((m) => m.kind === 'list' && m.sections[0]!.rows.some((r) => r.id.startsWith('more:')))).toBe(true);
  });

  it('shows the FAQ topics as a list when there are more than three', () => {
    const content = seededContent();
    expect(content.faq.length).toBeGreaterThan(3);
    const menu = run(
      newcomer({ step: 'menu' }, { student: { name: 'Ada Lovelace', email: 'ada@example.com', className: 'Grade 9' } }),
      i.tap('faq'),
      { content },
    );
    expect(menu.messages[0]?.kind).toBe('list');
  });
});

describe('seeded content', () => {
  it('has a row for every text the bot uses, worded as the fallback', () => {
    expect(
      Object.fromEntries([...SEED_TEXTS, ...SUPPORT_SEED_TEXTS, ...OFFICE_HOURS_SEED_TEXTS, ...CSAT_SEED_TEXTS, ...CONSENT_SEED_TEXTS]),
    ).toEqual(DEFAULT_TEXTS);
  });

  it('is the catalogue the bot tests run with', () => {
    expect({ ...catalogue }).toEqual({ SEED_SUBJECTS, SEED_CLASSES, SEED_FAQ });
  });
});
