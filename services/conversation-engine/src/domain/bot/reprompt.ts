import { consentReprompt } from './consent';
import { faqReprompt } from './faq';
import { homeworkReprompt } from './homework';
import { toMenu } from './menu';
import { profileReprompt } from './profile';
import { registrationReprompt, welcome } from './registration';
import type { BotState } from './state';
import type { BotDecision, Turn } from './types';

/** Asks the question of `state` again, after `note` (why: help, a stale button, the end of a chat...). */
export function reprompt(turn: Turn, state: BotState, note?: string): BotDecision {
  switch (state.step) {
    case 'new':
      return welcome(turn);
    case 'registration.name':
    case 'registration.email':
    case 'registration.class':
    case 'registration.age':
      return registrationReprompt(turn, state, note);
    case 'menu':
      return toMenu(turn, note);
    case 'homework.subject':
    case 'homework.work':
    case 'homework.done':
      return homeworkReprompt(turn, state, note);
    case 'faq.categories':
    case 'faq.questions':
    case 'faq.answer':
      return faqReprompt(turn, state, note);
    case 'profile.view':
    case 'profile.name':
    case 'profile.email':
    case 'profile.class':
      return profileReprompt(turn, state, note);
    case 'consent.name':
    case 'consent.relationship':
    case 'consent.contact':
    case 'consent.confirm':
      return consentReprompt(turn, state, note);
    // The survey is never asked again: the student is at the menu.
    case 'csat.rating':
    case 'csat.comment':
      return toMenu(turn, note);
  }
}
