import type { OutboundMessageInput } from '@app/contracts';
import { say, type BotContent } from './content';
import type { CsatEvent, CsatRating } from './events';
import { menuMessage, toMenu, handleMenuStep } from './menu';
import { buttonsMessage, choiceMessage } from './render';
import { REPLY } from './reply-ids';
import type { StateOf } from './state';
import { decision, type BotDecision, type Turn } from './types';

// Satisfaction (CSAT) after a support chat: one list of five ratings, sent after the main menu when a chat
// with a member of staff ends (the use case decides whether to ask: enabled, staff took part, never asked for
// this chat). The student may rate, then write one comment; anything else goes on as at the menu, and the
// survey is silently dropped.

const CSAT_RATINGS = [5, 4, 3, 2, 1] as const satisfies readonly CsatRating[];

/** The rated chat is in the id, so a tap on an older survey can never rate a newer chat. */
const RATING_PREFIX = 'csat:';
const csatReplyId = (chatId: string, rating: CsatRating) => `${RATING_PREFIX}${chatId}:${rating}`;

export function readCsatReply(id: string): { chatId: string; rating: CsatRating } | undefined {
  const match = /^csat:([0-9a-f-]{36}):([1-5])$/.exec(id);
  if (!match) return undefined;
  return { chatId: match[1]!, rating: Number(match[2]) as CsatRating };
}

export const isCsatEvent = (event: { type: string }): event is CsatEvent =>
  event.type === 'csat.asked' || event.type === 'csat.rated' || event.type === 'csat.commented';

/** At most this many characters of a comment are kept. */
const CSAT_COMMENT_MAX = 1000;

function csatQuestion(content: BotContent, chatId: string): OutboundMessageInput {
  return choiceMessage({
    body: say(content, 'csat.question'),
    button: say(content, 'csat.button'),
    moreLabel: say(content, 'common.more_options'),
    alwaysList: true,
    options: CSAT_RATINGS.map((rating) => ({ id: csatReplyId(chatId, rating), title: say(content, `csat.rating_${rating}`) })),
  });
}

/** The chat just ended: the main menu (as without a survey, `note` above it), then the survey. */
export function endWithSurvey(turn: Turn, chatId: string, note: string, ended: BotDecision['events'][number]): BotDecision {
  return decision(
    { step: 'csat.rating', chatId },
    [menuMessage(turn.content, note), csatQuestion(turn.content, chatId)],
    [ended, { type: 'csat.asked', chatId }],
  );
}

export function handleCsatStep(turn: Turn, state: StateOf<'csat.rating' | 'csat.comment'>): BotDecision {
  const { input, content } = turn;
  if (state.step === 'csat.rating') {
    const answer = input.kind === 'reply' ? readCsatReply(input.id) : undefined;
    if (!answer || answer.chatId !== state.chatId) return handleMenuStep(turn);
    const prompt = buttonsMessage(say(content, 'csat.comment_prompt'), [{ id: REPLY.menu, title: say(content, 'common.menu_button') }]);
    return decision(
      { step: 'csat.comment', chatId: state.chatId },
      [prompt],
      [{ type: 'csat.rated', chatId: state.chatId, rating: answer.rating }],
    );
  }
  const comment = input.kind === 'text' ? input.text.trim().slice(0, CSAT_COMMENT_MAX) : '';
  if (!comment) return handleMenuStep(turn);
  return { ...toMenu(turn, say(content, 'csat.thanks')), events: [{ type: 'csat.commented', chatId: state.chatId, comment }] };
}
