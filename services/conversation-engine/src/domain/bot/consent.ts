import { GUARDIAN_RELATIONSHIPS, type OutboundMessageInput } from '@app/contracts';
import { consentPending } from '../consent';
import { say, type BotContent } from './content';
import type { ConsentEvent } from './events';
import { toMenu } from './menu';
import { buttonsMessage, paragraphs, textMessage } from './render';
import { PREFIX, REPLY, unprefix, withPrefix } from './reply-ids';
import type { StateOf } from './state';
import { decision, type BotDecision, type Turn } from './types';
import { validateEmail, validateName } from './validation';

// A guardian's consent given in the chat, from the student's phone (issue 15): their name, how they are
// related, a contact, then an explicit "I consent". A student who needs it is never blocked from the FAQ or
// from a support chat (safeguarding: a child must always be able to reach a person); only homework uploads,
// the personal work and files the school would keep, wait for it.

type ConsentState = StateOf<'consent.name' | 'consent.relationship' | 'consent.contact' | 'consent.confirm'>;

const RELATIONSHIP_TEXT = { parent: 'consent.parent', guardian: 'consent.guardian', other: 'consent.other' } as const;
const studentName = (turn: Turn) => turn.conversation.student?.name ?? 'the student';

/** A phone number with its country code (7-15 digits, E.164's bounds) or an email address. */
export function validateContact(raw: string): { ok: true; value: string } | { ok: false } {
  const email = validateEmail(raw);
  if (email.ok) return email;
  const value = raw.trim();
  const digits = value.replace(/\D/g, '');
  return /^\+?[\d\s().-]+$/.test(value) && digits.length >= 7 && digits.length <= 15 ? { ok: true, value } : { ok: false };
}

function laterButton(content: BotContent) {
  return { id: REPLY.consentLater, title: say(content, 'consent.later') };
}

function consentPrompt(turn: Turn, state: ConsentState, note?: string): OutboundMessageInput {
  const { content } = turn;
  switch (state.step) {
    case 'consent.name':
      return buttonsMessage(paragraphs(note, say(content, 'consent.ask_name')), [laterButton(content)]);
    case 'consent.relationship':
      return buttonsMessage(
        paragraphs(note, say(content, 'consent.ask_relationship', { guardian: state.guardian, student: studentName(turn) })),
        GUARDIAN_RELATIONSHIPS.map((r) => ({ id: withPrefix(PREFIX.relationship, r), title: say(content, RELATIONSHIP_TEXT[r]) })),
      );
    case 'consent.contact':
      return textMessage(paragraphs(note, say(content, 'consent.ask_contact')));
    case 'consent.confirm':
      return buttonsMessage(
        paragraphs(note, say(content, 'consent.ask_confirm', { guardian: state.guardian, student: studentName(turn) })),
        [
          { id: REPLY.consentYes, title: say(content, 'consent.yes') },
          { id: REPLY.consentNo, title: say(content, 'consent.no') },
        ],
      );
  }
}

export const consentReprompt = (turn: Turn, state: ConsentState, note?: string) => decision(state, [consentPrompt(turn, state, note)]);

/** The first consent question, after `intro` (why it is asked). */
export const askGuardianName = (turn: Turn, intro?: string): OutboundMessageInput => consentPrompt(turn, { step: 'consent.name' }, intro);

/** "Give consent" tapped (from the homework notice): asks the guardian, when consent is still needed. */
export function startConsent(turn: Turn): BotDecision {
  if (!consentPending(turn.context.consent)) return toMenu(turn, say(turn.content, 'consent.not_needed'));
  return decision({ step: 'consent.name' }, [askGuardianName(turn)]);
}

/** Homework asked for while consent is pending: why not, and the way to give it now. */
export function homeworkNeedsConsent(turn: Turn): BotDecision {
  const { content } = turn;
  return decision({ step: 'menu' }, [
    buttonsMessage(say(content, 'consent.homework_blocked'), [
      { id: REPLY.consentStart, title: say(content, 'consent.start') },
      { id: REPLY.menu, title: say(content, 'common.menu_button') },
    ]),
  ]);
}

export function handleConsentStep(turn: Turn, state: ConsentState): BotDecision {
  const { content, input } = turn;
  const reask = (key: Parameters<typeof say>[1]) => consentReprompt(turn, state, say(content, key));
  if (input.kind === 'reply' && input.id === REPLY.consentLater) return toMenu(turn, say(content, 'consent.later_note'));
  if (input.kind === 'media') return reask('common.media_not_expected');
  switch (state.step) {
    case 'consent.name': {
      if (input.kind !== 'text') return reask('common.stale_option');
      const name = validateName(input.text);
      return name.ok ? consentReprompt(turn, { step: 'consent.relationship', guardian: name.value }) : reask('registration.name_invalid');
    }
    case 'consent.relationship': {
      const picked = input.kind === 'reply' ? unprefix(input.id, PREFIX.relationship) : undefined;
      const relationship = GUARDIAN_RELATIONSHIPS.find((r) => r === picked);
      return relationship
        ? consentReprompt(turn, { step: 'consent.contact', guardian: state.guardian, relationship })
        : reask('consent.relationship_invalid');
    }
    case 'consent.contact': {
      const contact = input.kind === 'text' ? validateContact(input.text) : { ok: false as const };
      return contact.ok
        ? consentReprompt(turn, { ...state, step: 'consent.confirm', contact: contact.value })
        : reask('consent.contact_invalid');
    }
    case 'consent.confirm': {
      if (input.kind === 'reply' && input.id === REPLY.consentYes) {
        const given: ConsentEvent = {
          type: 'consent.given',
          guardianName: state.guardian,
          relationship: state.relationship,
          contact: state.contact,
        };
        const done = toMenu(turn, say(content, 'consent.given'));
        return { ...done, events: [given] };
      }
      if (input.kind === 'reply' && input.id === REPLY.consentNo) return toMenu(turn, say(content, 'consent.declined'));
      return reask('consent.relationship_invalid');
    }
  }
}
