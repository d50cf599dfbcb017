import { classQuestion, readClassAnswer } from './class-choice';
import { say } from './content';
import type { BotEvent } from './events';
import { choiceMessage, paragraphs, textMessage } from './render';
import { REPLY } from './reply-ids';
import type { StateOf } from './state';
import { decision, type BotDecision, type Turn } from './types';
import type { StudentProfile } from './student-profile';
import { validateEmail, validateName } from './validation';

type ProfileState = StateOf<'profile.view' | 'profile.name' | 'profile.email' | 'profile.class'>;

/** The student's details and what can be changed; "back" is the menu's own id. */
function profileView(turn: Turn, profile: StudentProfile, note?: string): BotDecision {
  const { content } = turn;
  const body = say(content, 'profile.view', { name: profile.name, email: profile.email, class: profile.className });
  return decision({ step: 'profile.view' }, [
    choiceMessage({
      body: paragraphs(note, body),
      button: say(content, 'profile.button'),
      moreLabel: say(content, 'common.more_options'),
      options: [
        { id: REPLY.profileName, title: say(content, 'profile.edit_name') },
        { id: REPLY.profileEmail, title: say(content, 'profile.edit_email') },
        { id: REPLY.profileClass, title: say(content, 'profile.edit_class') },
        { id: REPLY.menu, title: say(content, 'profile.back') },
      ],
    }),
  ]);
}

function registered(turn: Turn): StudentProfile {
  const { student } = turn.conversation;
  if (!student) throw new Error('profile steps are for registered students only (see effectiveState)');
  return student;
}

export function startProfile(turn: Turn): BotDecision {
  return profileView(turn, registered(turn));
}

/** The current profile question again, after `note`. */
export function profileReprompt(turn: Turn, state: ProfileState, note?: string): BotDecision {
  const { content } = turn;
  switch (state.step) {
    case 'profile.view':
      return profileView(turn, registered(turn), note);
    case 'profile.name':
      return decision(state, [textMessage(paragraphs(note, say(content, 'profile.ask_name')))]);
    case 'profile.email':
      return decision(state, [textMessage(paragraphs(note, say(content, 'profile.ask_email')))]);
    case 'profile.class':
      return decision(state, [classQuestion(content, paragraphs(note, say(content, 'profile.ask_class')))]);
  }
}

function save(turn: Turn, field: keyof StudentProfile, value: string): BotDecision {
  const updated = { ...registered(turn), [field]: value };
  const event: BotEvent = { type: 'student.profile_updated', field, value };
  const view = profileView(turn, updated, say(turn.content, 'profile.saved'));
  return { ...view, events: [event] };
}

export function handleProfileStep(turn: Turn, state: ProfileState): BotDecision {
  const { content, input } = turn;
  const stale = say(content, 'common.stale_option');
  const noteFor = (invalid: string) =>
    input.kind === 'media' ? say(content, 'common.media_not_expected') : input.kind === 'reply' ? stale : invalid;
  switch (state.step) {
    case 'profile.view': {
      if (input.kind === 'reply') {
        if (input.id === REPLY.profileName) return profileReprompt(turn, { step: 'profile.name' });
        if (input.id === REPLY.profileEmail) return profileReprompt(turn, { step: 'profile.email' });
        if (input.id === REPLY.profileClass) return profileReprompt(turn, { step: 'profile.class' });
      }
      return profileReprompt(turn, state, noteFor(say(content, 'menu.not_understood')));
    }
    case 'profile.name': {
      const name = input.kind === 'text' ? validateName(input.text) : undefined;
      return name?.ok ? save(turn, 'name', name.value) : profileReprompt(turn, state, noteFor(say(content, 'registration.name_invalid')));
    }
    case 'profile.email': {
      const email = input.kind === 'text' ? validateEmail(input.text) : undefined;
      return email?.ok
        ? save(turn, 'email', email.value)
        : profileReprompt(turn, state, noteFor(say(content, 'registration.email_invalid')));
    }
    case 'profile.class': {
      const answer = readClassAnswer(content, input);
      switch (answer.kind) {
        case 'class':
          return save(turn, 'className', answer.className);
        case 'page':
          return decision(state, [classQuestion(content, say(content, 'profile.ask_class'), answer.offset)]);
        case 'invalid':
          return profileReprompt(turn, state, say(content, 'registration.class_invalid'));
        case 'stale':
          return profileReprompt(turn, state, stale);
        case 'media':
          return profileReprompt(turn, state, say(content, 'common.media_not_expected'));
      }
    }
  }
}
