import type { InboundInput } from '../inbound-input';
import { REPLY } from './reply-ids';

/**
 * What a student asks for, over and above answering the current step. In priority order: the first that
 * matches wins.
 */
const INTENT_PRIORITY = ['end_chat', 'support', 'menu', 'cancel', 'help'] as const;
export type Intent = (typeof INTENT_PRIORITY)[number];

const SUPPORT_PHRASES = ['support', 'chat support', 'talk to a human', 'talk to human', 'agent'];

/**
 * The matching rule, after normalising (NFKD, combining marks stripped, lower case, anything that is not a
 * letter or digit turned into one space):
 * - `whole`: the entire message is one of these phrases ("Menu", " MENU! ", "end-chat"). These work at every
 *   step, even one waiting for free text, since nobody's name, email, class or homework is just "cancel".
 * - `anywhere`: the phrase appears as whole words anywhere in the message ("can I talk to a human please").
 *   Only when the current step is not waiting for free text: a name is a name ("Agent Smith", "Chatwin").
 * Substrings never match: "Chatwin" contains no word "chat", "I'm done with Q1" is not "end chat".
 */
const RULES: Record<Intent, { whole: readonly string[]; anywhere?: readonly string[] }> = {
  end_chat: { whole: ['end chat'] },
  support: { whole: SUPPORT_PHRASES, anywhere: SUPPORT_PHRASES },
  menu: { whole: ['menu', 'main menu', 'home', 'hi'] },
  cancel: { whole: ['cancel'] },
  help: { whole: ['help'] },
};

export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const containsPhrase = (normalized: string, phrase: string) => ` ${normalized} `.includes(` ${phrase} `);

export function textIntent(text: string, opts: { awaitingFreeText: boolean }): Intent | undefined {
  const normalized = normalizeForMatching(text);
  if (!normalized) return undefined;
  for (const intent of INTENT_PRIORITY) {
    const rule = RULES[intent];
    if (rule.whole.includes(normalized)) return intent;
    if (!opts.awaitingFreeText && rule.anywhere?.some((p) => containsPhrase(normalized, p))) return intent;
  }
  return undefined;
}

/** Reply ids that mean the same from any step (a tap is never free text). */
const REPLY_INTENTS: Partial<Record<string, Intent>> = {
  [REPLY.endChat]: 'end_chat',
  [REPLY.support]: 'support',
  [REPLY.menu]: 'menu',
  [REPLY.help]: 'help',
};

/** "end chat" during a support chat: the exact phrase (normalised as above) or the `end_chat` button. */
export function isEndChat(input: InboundInput): boolean {
  if (input.kind === 'reply') return input.id === REPLY.endChat;
  return input.kind === 'text' && RULES.end_chat.whole.includes(normalizeForMatching(input.text));
}

export function intentOf(input: InboundInput, opts: { awaitingFreeText: boolean }): Intent | undefined {
  if (input.kind === 'reply') return REPLY_INTENTS[input.id];
  if (input.kind === 'text') return textIntent(input.text, opts);
  return undefined;
}
