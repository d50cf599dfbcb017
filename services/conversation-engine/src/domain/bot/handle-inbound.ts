import type { InboundInput } from '../inbound-input';
import { handleConsentStep, startConsent } from './consent';
import { say, type BotContent } from './content';
import { startFaq, handleFaqStep } from './faq';
import { handleHomeworkStep, mayFileHomework, startHomework } from './homework';
import { intentOf } from './intents';
import { handleMenuStep, toMenu } from './menu';
import { handleProfileStep, startProfile } from './profile';
import { handleRegistrationStep, welcome } from './registration';
import { REPLY } from './reply-ids';
import { reprompt } from './reprompt';
import { textMessage } from './render';
import { awaitsFreeText, effectiveState } from './state';
import { handleDuringSupport, isInSupport, startSupport } from './support';
import { handleCsatStep } from './csat';
import { decision, type BotContext, type BotDecision, type ConversationSnapshot, type Turn } from './types';

/**
 * The bot as a pure function: (conversation, what the student sent, content, context) -> (new position,
 * replies, events). Precedence, first match wins:
 * 1. an open support chat: only "end chat" is for the bot (support.ts);
 * 2. a message type the bot cannot read: a polite line, position unchanged;
 * 3. an intent (intents.ts: end chat > support > menu > cancel > help), from a tapped id or from text;
 * 4. a main-menu option tapped from anywhere (homework, faq, profile);
 * 5. the current step's own handler; ids it does not know are stale and re-ask its question.
 */
export function handleInbound(
  conversation: ConversationSnapshot,
  input: InboundInput,
  content: BotContent,
  context: BotContext,
): BotDecision {
  const registeredStudent = conversation.student !== null;
  const state = effectiveState(conversation.botState, registeredStudent);
  const turn: Turn = { conversation, state, input, content, context };

  if (isInSupport(conversation.support.status)) return handleDuringSupport(turn);
  if (input.kind === 'unsupported') return decision(state, [textMessage(say(content, 'common.unsupported'))]);

  const intent = intentOf(input, { awaitingFreeText: awaitsFreeText(state) });
  switch (intent) {
    case 'support':
      return startSupport(turn);
    case 'end_chat':
      return registeredStudent
        ? toMenu(turn, say(content, 'support.not_in_chat'))
        : reprompt(turn, state, say(content, 'support.not_in_chat'));
    case 'menu':
    case 'cancel': {
      if (!registeredStudent) return reprompt(turn, state, say(content, 'registration.required'));
      return toMenu(turn, intent === 'cancel' && state.step !== 'menu' ? say(content, 'menu.cancelled') : undefined);
    }
    case 'help': {
      const again = reprompt(turn, state);
      return { ...again, replies: [textMessage(say(content, 'help.body')), ...again.replies] };
    }
    case undefined:
      break;
  }

  if (input.kind === 'reply' && registeredStudent) {
    if (input.id === REPLY.homework) return startHomework(turn);
    if (input.id === REPLY.faq) return startFaq(turn);
    if (input.id === REPLY.profile) return startProfile(turn);
    if (input.id === REPLY.consentStart) return startConsent(turn);
  }
  return handleStep(turn);
}

function handleStep(turn: Turn): BotDecision {
  const { state } = turn;
  switch (state.step) {
    case 'new':
      return welcome(turn);
    case 'registration.name':
    case 'registration.email':
    case 'registration.class':
    case 'registration.age':
      return handleRegistrationStep(turn, state);
    case 'menu':
      return handleMenuStep(turn);
    case 'homework.subject':
    case 'homework.work':
    case 'homework.done':
      return handleHomeworkStep(turn, state);
    case 'faq.categories':
    case 'faq.questions':
    case 'faq.answer':
      return handleFaqStep(turn, state);
    case 'profile.view':
    case 'profile.name':
    case 'profile.email':
    case 'profile.class':
      return handleProfileStep(turn, state);
    case 'consent.name':
    case 'consent.relationship':
    case 'consent.contact':
    case 'consent.confirm':
      return handleConsentStep(turn, state);
    case 'csat.rating':
    case 'csat.comment':
      return handleCsatStep(turn, state);
  }
}

/**
 * Whether handleInbound may file a homework submission for this input, so the caller reserves a reference
 * number first (the bot is pure and cannot draw from a sequence).
 */
export function needsHomeworkReference(conversation: ConversationSnapshot, input: InboundInput): boolean {
  if (isInSupport(conversation.support.status)) return false;
  return mayFileHomework(effectiveState(conversation.botState, conversation.student !== null), input);
}

const CONSENT_STEPS: ReadonlySet<string> = new Set([
  'registration.class',
  'registration.age',
  'consent.name',
  'consent.relationship',
  'consent.contact',
  'consent.confirm',
]);

/**
 * Whether this turn may depend on the school's consent rules (the age question ending registration, the
 * guardian's steps, homework that waits for consent), so the caller loads them first; every other turn goes
 * without the extra read.
 */
export function needsConsentContext(conversation: ConversationSnapshot, input: InboundInput): boolean {
  if (isInSupport(conversation.support.status)) return false;
  const { step } = effectiveState(conversation.botState, conversation.student !== null);
  if (CONSENT_STEPS.has(step) || step.startsWith('homework.')) return true;
  return input.kind === 'reply' && (input.id === REPLY.homework || input.id === REPLY.consentStart);
}
