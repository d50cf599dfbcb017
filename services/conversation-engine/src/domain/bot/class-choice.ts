import type { OutboundMessageInput } from '@app/contracts';
import type { InboundInput } from '../inbound-input';
import { say, type BotContent } from './content';
import { choiceMessage, clip, moreOffset, textMessage } from './render';
import { PREFIX, unprefix, withPrefix } from './reply-ids';
import { validateClass } from './validation';

/** The class question (registration and profile): the configured classes as a list, or typed. */
export function classQuestion(content: BotContent, body: string, offset = 0): OutboundMessageInput {
  if (content.classes.length === 0) return textMessage(body);
  return choiceMessage({
    body,
    button: say(content, 'class.button'),
    moreLabel: say(content, 'common.more_options'),
    offset,
    options: content.classes.map((c) => ({ id: withPrefix(PREFIX.class, c.id), title: c.title })),
  });
}

export type ClassAnswer =
  { kind: 'class'; className: string } | { kind: 'page'; offset: number } | { kind: 'invalid' } | { kind: 'stale' } | { kind: 'media' };

const MAX_CLASS = 30;

/** A picked row gives its class's title; any typed class of 1-30 characters is taken as it is. */
export function readClassAnswer(content: BotContent, input: InboundInput): ClassAnswer {
  switch (input.kind) {
    case 'text': {
      const typed = validateClass(input.text);
      return typed.ok ? { kind: 'class', className: typed.value } : { kind: 'invalid' };
    }
    case 'reply': {
      const offset = moreOffset(input.id);
      if (offset !== undefined) return { kind: 'page', offset };
      const id = unprefix(input.id, PREFIX.class);
      const picked = content.classes.find((c) => c.id === id);
      return picked ? { kind: 'class', className: clip(picked.title, MAX_CLASS) } : { kind: 'stale' };
    }
    case 'media':
      return { kind: 'media' };
    case 'unsupported':
      return { kind: 'invalid' };
  }
}
