/** A canned reply as admins manage it: `body` may hold placeholders, filled when an agent picks it. */
export interface CannedReply {
  id: string;
  title: string;
  /** What an agent types after `/` to find it: lower case letters, digits, `-` and `_`. */
  shortcut: string;
  body: string;
  updatedAt: Date;
}

/** A school keeps a few dozen; the bound keeps the composer's one-answer list small. */
export const MAX_CANNED_REPLIES = 500;

export type Placeholder = 'student_name' | 'agent_name' | 'class';

/**
 * What a placeholder says when its value is unknown (a student who never registered has no class): words
 * that still read as a sentence, never "undefined" or an empty gap.
 */
const PLACEHOLDER_FALLBACKS: Record<Placeholder, string> = {
  student_name: 'there',
  agent_name: 'the school team',
  class: 'your class',
};

const PLACEHOLDER_PATTERN = /\{(student_name|agent_name|class)\}/g;

/**
 * Fills `{student_name}`, `{agent_name}` and `{class}` (exactly so spelt) with the values, trimmed, or their
 * fallbacks when missing or blank. Anything else in braces (`{teacher}`, `{ class }`) is left as typed, so a
 * misspelt placeholder shows in the box for the agent to fix rather than vanishing. One pass: a value that
 * itself contains `{class}` is not filled again.
 */
export function renderCannedReply(body: string, values: Partial<Record<Placeholder, string | null | undefined>>): string {
  return body.replace(PLACEHOLDER_PATTERN, (_match, name: Placeholder) => {
    const value = values[name]?.trim();
    return value ? value : PLACEHOLDER_FALLBACKS[name];
  });
}
