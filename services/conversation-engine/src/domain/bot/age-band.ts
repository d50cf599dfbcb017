import { AGE_BANDS, type AgeBand, type OutboundMessageInput } from '@app/contracts';
import type { InboundInput } from '../inbound-input';
import { isAgeBand } from '../consent';
import { say, type BotContent } from './content';
import { choiceMessage, paragraphs } from './render';
import { PREFIX, unprefix, withPrefix } from './reply-ids';

const TITLE = { under_13: 'age.under_13', '13_15': 'age.13_15', '16_17': 'age.16_17', '18_plus': 'age.18_plus' } as const satisfies Record<
  AgeBand,
  string
>;

/** The age group question: a list of the bands (four: more than reply buttons hold), ids `age:<band>`. */
export function ageQuestion(content: BotContent, note?: string): OutboundMessageInput {
  return choiceMessage({
    body: paragraphs(note, say(content, 'registration.ask_age')),
    button: say(content, 'registration.age_button'),
    moreLabel: say(content, 'common.more_options'),
    options: AGE_BANDS.map((band) => ({ id: withPrefix(PREFIX.ageBand, band), title: say(content, TITLE[band]) })),
  });
}

/** A picked band, routed by its id; anything else is not an answer (typed ages are not guessed at). */
export function readAgeAnswer(input: InboundInput): AgeBand | undefined {
  if (input.kind !== 'reply') return undefined;
  const band = unprefix(input.id, PREFIX.ageBand);
  return isAgeBand(band) ? band : undefined;
}
