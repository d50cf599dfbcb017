import { WHATSAPP_LIMITS, type AgeBand, type OutboundMessageInput } from '@app/contracts';
import { consentPending } from '../consent';
import { ageQuestion, readAgeAnswer } from './age-band';
import { classQuestion, readClassAnswer } from './class-choice';
import { askGuardianName } from './consent';
import { say } from './content';
import { menuMessage } from './menu';
import { buttonsMessage, paragraphs, textMessage } from './render';
import { REPLY } from './reply-ids';
import type { StateOf } from './state';
import { decision, type BotDecision, type Turn } from './types';
import type { StudentProfile } from './student-profile';
import { validateEmail, validateName } from './validation';

type RegistrationState = StateOf<'registration.name' | 'registration.email' | 'registration.class' | 'registration.age'>;

/** The first words to a number that has never registered; the next message is taken as the full name. */
export function welcome(turn: Turn): BotDecision {
  return decision({ step: 'registration.name' }, [textMessage(say(turn.content, 'registration.welcome'))]);
}

/** The WhatsApp profile name, when it is itself a valid name and its button title fits. */
function offeredProfileName(turn: Turn): { name: string; title: string } | undefined {
  const profile = turn.conversation.profileName;
  const name = profile ? validateName(profile) : undefined;
  if (!name?.ok) return undefined;
  const title = say(turn.content, 'registration.use_profile_name', { name: name.value });
  return title.length <= WHATSAPP_LIMITS.buttonTitle ? { name: name.value, title } : undefined;
}

/** The current registration question again, after `note` (why we ask again). */
function registrationPrompt(turn: Turn, state: RegistrationState, note?: string): OutboundMessageInput[] {
  const { content } = turn;
  switch (state.step) {
    case 'registration.name': {
      const body = paragraphs(note, say(content, 'registration.ask_name'));
      const offer = offeredProfileName(turn);
      return [offer ? buttonsMessage(body, [{ id: REPLY.useProfileName, title: offer.title }]) : textMessage(body)];
    }
    case 'registration.email':
      return [textMessage(paragraphs(note, say(content, 'registration.ask_email', { name: state.name })))];
    case 'registration.class':
      return [classQuestion(content, paragraphs(note, say(content, 'registration.ask_class')))];
    case 'registration.age':
      return [ageQuestion(content, note)];
  }
}

/** The current registration question again, after `note`. */
export const registrationReprompt = (turn: Turn, state: RegistrationState, note?: string) =>
  decision(state, registrationPrompt(turn, state, note));
const reask = registrationReprompt;

function acceptName(turn: Turn, name: string): BotDecision {
  const next = { step: 'registration.email' as const, name };
  return decision(next, registrationPrompt(turn, next));
}

/** The class was the last answer, unless the school asks for the age group (then that is). */
function complete(turn: Turn, state: StateOf<'registration.class'>, className: string): BotDecision {
  if (turn.context.consent?.askAgeBand) {
    const next = { step: 'registration.age' as const, name: state.name, email: state.email, className };
    return decision(next, registrationPrompt(turn, next));
  }
  return registered(turn, { name: state.name, email: state.email, className });
}

/** Registered: a confirmation, then the main menu, or the guardian's consent first when the band needs it. */
function registered(turn: Turn, profile: StudentProfile, ageBand?: AgeBand): BotDecision {
  const { content } = turn;
  const done = say(content, 'registration.done', { name: profile.name, email: profile.email, class: profile.className });
  const events = [
    { type: 'student.registered', profile } as const,
    ...(ageBand ? [{ type: 'student.age_band_given', ageBand } as const] : []),
  ];
  const consent = turn.context.consent;
  if (ageBand && consentPending(consent && { ...consent, ageBand })) {
    // The snapshot still says "not registered"; the question names the student from the profile just given.
    const asked: Turn = { ...turn, conversation: { ...turn.conversation, student: profile } };
    return decision({ step: 'consent.name' }, [textMessage(done), askGuardianName(asked, say(content, 'consent.intro'))], events);
  }
  return decision({ step: 'menu' }, [textMessage(done), menuMessage(content)], events);
}

export function handleRegistrationStep(turn: Turn, state: RegistrationState): BotDecision {
  const { content, input } = turn;
  const stale = say(content, 'common.stale_option');
  const notFile = say(content, 'common.media_not_expected');
  switch (state.step) {
    case 'registration.name': {
      if (input.kind === 'text') {
        const name = validateName(input.text);
        return name.ok ? acceptName(turn, name.value) : reask(turn, state, say(content, 'registration.name_invalid'));
      }
      if (input.kind === 'reply' && input.id === REPLY.useProfileName) {
        const offer = offeredProfileName(turn);
        return offer ? acceptName(turn, offer.name) : reask(turn, state, stale);
      }
      return reask(turn, state, input.kind === 'media' ? notFile : stale);
    }
    case 'registration.email': {
      if (input.kind === 'text') {
        const email = validateEmail(input.text);
        if (!email.ok) return reask(turn, state, say(content, 'registration.email_invalid'));
        const next = { step: 'registration.class' as const, name: state.name, email: email.value };
        return decision(next, registrationPrompt(turn, next));
      }
      return reask(turn, state, input.kind === 'media' ? notFile : stale);
    }
    case 'registration.age': {
      const band = readAgeAnswer(input);
      if (band) return registered(turn, { name: state.name, email: state.email, className: state.className }, band);
      return reask(turn, state, input.kind === 'media' ? notFile : say(content, 'registration.age_invalid'));
    }
    case 'registration.class': {
      const answer = readClassAnswer(content, input);
      switch (answer.kind) {
        case 'class':
          return complete(turn, state, answer.className);
        case 'page':
          return decision(state, [classQuestion(content, say(content, 'registration.ask_class'), answer.offset)]);
        case 'invalid':
          return reask(turn, state, say(content, 'registration.class_invalid'));
        case 'stale':
          return reask(turn, state, stale);
        case 'media':
          return reask(turn, state, notFile);
      }
    }
  }
}
