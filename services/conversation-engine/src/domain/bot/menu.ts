import type { OutboundMessageInput } from '@app/contracts';
import { say, type BotContent } from './content';
import { choiceMessage, paragraphs } from './render';
import { REPLY } from './reply-ids';
import { decision, type BotDecision, type Turn } from './types';

/** The main menu, always a list (same look every time); `intro` goes above the question. */
export function menuMessage(content: BotContent, intro?: string): OutboundMessageInput {
  const option = (id: string, key: 'homework' | 'faq' | 'profile' | 'support' | 'help') => ({
    id,
    title: say(content, `menu.${key}`),
    description: say(content, `menu.${key}_description`),
  });
  return choiceMessage({
    body: paragraphs(intro, say(content, 'menu.body')),
    button: say(content, 'menu.button'),
    moreLabel: say(content, 'common.more_options'),
    alwaysList: true,
    options: [
      option(REPLY.homework, 'homework'),
      option(REPLY.faq, 'faq'),
      option(REPLY.profile, 'profile'),
      option(REPLY.support, 'support'),
      option(REPLY.help, 'help'),
    ],
  });
}

/** Ends whatever the student was doing and shows the menu. */
export function toMenu(turn: Turn, intro?: string): BotDecision {
  return decision({ step: 'menu' }, [menuMessage(turn.content, intro)]);
}

/** At the menu, anything but a menu option (those are routed before any step) is not understood. */
export function handleMenuStep(turn: Turn): BotDecision {
  const { content, input } = turn;
  const note = input.kind === 'reply' ? say(content, 'common.stale_option') : say(content, 'menu.not_understood');
  return toMenu(turn, note);
}
