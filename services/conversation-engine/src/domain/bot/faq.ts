import { WHATSAPP_LIMITS, type OutboundMessageInput } from '@app/contracts';
import { say, type FaqCategory } from './content';
import { normalizeForMatching } from './intents';
import { toMenu } from './menu';
import { buttonsMessage, choiceMessage, moreOffset, paragraphs, textMessage } from './render';
import { PREFIX, REPLY, unprefix, withPrefix } from './reply-ids';
import type { StateOf } from './state';
import { decision, type BotDecision, type Turn } from './types';

type FaqState = StateOf<'faq.categories' | 'faq.questions' | 'faq.answer'>;

function categoryQuestion(turn: Turn, note?: string, offset = 0): OutboundMessageInput {
  const { content } = turn;
  return choiceMessage({
    body: paragraphs(note, say(content, 'faq.ask_category')),
    button: say(content, 'faq.category_button'),
    moreLabel: say(content, 'common.more_options'),
    offset,
    options: content.faq.map((c) => ({ id: withPrefix(PREFIX.faqCategory, c.id), title: c.title })),
  });
}

function questionQuestion(turn: Turn, category: FaqCategory, note?: string, offset = 0): OutboundMessageInput {
  const { content } = turn;
  return choiceMessage({
    body: paragraphs(note, say(content, 'faq.ask_question', { category: category.title })),
    button: say(content, 'faq.question_button'),
    moreLabel: say(content, 'common.more_options'),
    offset,
    // A question is usually longer than a button or row title: a list row's description shows more of it.
    alwaysList: true,
    options: category.entries.map((e) => ({ id: withPrefix(PREFIX.faqEntry, e.id), title: e.question, description: e.question })),
  });
}

function nextButtons(turn: Turn, body: string): OutboundMessageInput {
  return buttonsMessage(body, [
    { id: REPLY.faqMore, title: say(turn.content, 'faq.more') },
    { id: REPLY.menu, title: say(turn.content, 'common.menu_button') },
  ]);
}

/** The current FAQ question again; content edited meanwhile (a topic removed) falls back to the topics. */
export function faqReprompt(turn: Turn, state: FaqState, note?: string): BotDecision {
  if (turn.content.faq.length === 0) return startFaq(turn, note);
  if (state.step === 'faq.answer') return decision(state, [nextButtons(turn, paragraphs(note, say(turn.content, 'faq.next')))]);
  const category = state.step === 'faq.questions' ? turn.content.faq.find((c) => c.id === state.categoryId) : undefined;
  if (category && category.entries.length > 0) return decision(state, [questionQuestion(turn, category, note)]);
  return decision({ step: 'faq.categories' }, [categoryQuestion(turn, note)]);
}

/** The topics; with none configured the student is told so and gets the menu. */
export function startFaq(turn: Turn, note?: string): BotDecision {
  if (turn.content.faq.length === 0) return toMenu(turn, paragraphs(note, say(turn.content, 'faq.empty')));
  return decision({ step: 'faq.categories' }, [categoryQuestion(turn, note)]);
}

function openCategory(turn: Turn, category: FaqCategory): BotDecision {
  const [only] = category.entries;
  if (!only) return startFaq(turn, say(turn.content, 'faq.empty'));
  if (category.entries.length === 1) return answer(turn, category, only.id);
  return decision({ step: 'faq.questions', categoryId: category.id }, [questionQuestion(turn, category)]);
}

/**
 * The answer, then "more FAQ / main menu" buttons. An answer that fits an interactive body travels with the
 * buttons in one message; a longer one goes as a text of its own first.
 */
function answer(turn: Turn, category: FaqCategory, entryId: string): BotDecision {
  const entry = category.entries.find((e) => e.id === entryId);
  if (!entry)
    return decision({ step: 'faq.questions', categoryId: category.id }, [
      questionQuestion(turn, category, say(turn.content, 'common.stale_option')),
    ]);
  const full = `*${entry.question.trim()}*\n\n${entry.answer.trim()}`;
  const state = { step: 'faq.answer' as const, categoryId: category.id };
  if (full.length <= WHATSAPP_LIMITS.interactiveBody) return decision(state, [nextButtons(turn, full)]);
  return decision(state, [textMessage(full), nextButtons(turn, say(turn.content, 'faq.next'))]);
}

/** FAQ ids are accepted at any FAQ step: a student may tap an earlier list again. */
export function handleFaqStep(turn: Turn, state: FaqState): BotDecision {
  const { content, input } = turn;
  const current = state.step === 'faq.categories' ? undefined : content.faq.find((c) => c.id === state.categoryId);
  if (input.kind === 'reply') {
    if (input.id === REPLY.faqMore) return startFaq(turn);
    const categoryId = unprefix(input.id, PREFIX.faqCategory);
    const category = content.faq.find((c) => c.id === categoryId);
    if (category) return openCategory(turn, category);
    const entryId = unprefix(input.id, PREFIX.faqEntry);
    const owner = entryId ? content.faq.find((c) => c.entries.some((e) => e.id === entryId)) : undefined;
    if (owner && entryId) return answer(turn, owner, entryId);
    const offset = moreOffset(input.id);
    if (offset !== undefined && state.step === 'faq.questions' && current?.entries.length)
      return decision(state, [questionQuestion(turn, current, undefined, offset)]);
    if (offset !== undefined && state.step === 'faq.categories') return decision(state, [categoryQuestion(turn, undefined, offset)]);
    return faqReprompt(turn, state, say(content, 'common.stale_option'));
  }
  if (input.kind === 'text' && state.step === 'faq.categories') {
    const typed = normalizeForMatching(input.text);
    const category = content.faq.find((c) => normalizeForMatching(c.title) === typed);
    if (category) return openCategory(turn, category);
  }
  const note = input.kind === 'media' ? say(content, 'common.media_not_expected') : say(content, 'menu.not_understood');
  return faqReprompt(turn, state, note);
}
