import { z } from 'zod';

// Bounded well above what validation and the content tables allow, so a state the bot wrote always loads again.
const short = z.string().min(1).max(1000);

/**
 * Where a student is in the bot's flows; persisted as JSON on the conversation (conversations.bot_state).
 * Whether a support chat is open is not here: that is conversations.support_status, an overlay on top of
 * this position, so a student resumes exactly here when the chat ends.
 */
export const botStateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('new') }),
  z.object({ step: z.literal('registration.name') }),
  z.object({ step: z.literal('registration.email'), name: short }),
  z.object({ step: z.literal('registration.class'), name: short, email: short }),
  // When the school asks it (consent.ts): the age group, after the class.
  z.object({ step: z.literal('registration.age'), name: short, email: short, className: short }),
  z.object({ step: z.literal('menu') }),
  z.object({ step: z.literal('homework.subject') }),
  z.object({ step: z.literal('homework.work'), subjectId: short.nullable(), subject: short }),
  z.object({ step: z.literal('homework.done'), reference: short }),
  z.object({ step: z.literal('faq.categories') }),
  z.object({ step: z.literal('faq.questions'), categoryId: short }),
  z.object({ step: z.literal('faq.answer'), categoryId: short }),
  z.object({ step: z.literal('profile.view') }),
  z.object({ step: z.literal('profile.name') }),
  z.object({ step: z.literal('profile.email') }),
  z.object({ step: z.literal('profile.class') }),
  // A guardian's consent given in the chat (consent.ts).
  z.object({ step: z.literal('consent.name') }),
  z.object({ step: z.literal('consent.relationship'), guardian: short }),
  z.object({ step: z.literal('consent.contact'), guardian: short, relationship: z.enum(['parent', 'guardian', 'other']) }),
  z.object({ step: z.literal('consent.confirm'), guardian: short, relationship: z.enum(['parent', 'guardian', 'other']), contact: short }),
  // After a support chat (csat.ts): the survey was sent for this chat; then its optional comment.
  z.object({ step: z.literal('csat.rating'), chatId: short }),
  z.object({ step: z.literal('csat.comment'), chatId: short }),
]);
export type BotState = z.infer<typeof botStateSchema>;
export type Step = BotState['step'];
export type StateOf<S extends Step> = Extract<BotState, { step: S }>;

export const ALL_STEPS = botStateSchema.options.map((o) => o.shape.step.value);

const REGISTRATION_STEPS: ReadonlySet<Step> = new Set([
  'new',
  'registration.name',
  'registration.email',
  'registration.class',
  'registration.age',
]);

/** Steps whose answer is typed free text: only whole-message commands interrupt them (see intents.ts). */
const FREE_TEXT_STEPS: ReadonlySet<Step> = new Set([
  'registration.name',
  'registration.email',
  'registration.class',
  'homework.work',
  'profile.name',
  'profile.email',
  'profile.class',
  'consent.name',
  'consent.contact',
  'csat.comment',
]);

const isRegistrationStep = (state: BotState) => REGISTRATION_STEPS.has(state.step);
export const awaitsFreeText = (state: BotState) => FREE_TEXT_STEPS.has(state.step);

/** A stored state that no longer parses (a step removed in a release, a manual edit) starts over safely. */
export function parseBotState(value: unknown): BotState {
  const parsed = botStateSchema.safeParse(value);
  return parsed.success ? parsed.data : { step: 'new' };
}

/**
 * The state the bot acts on: a registered student is never walked through registration again (a lost or
 * reset state lands on the menu), and a student who is not registered cannot be anywhere but registration.
 */
export function effectiveState(state: BotState, registered: boolean): BotState {
  if (registered && isRegistrationStep(state)) return { step: 'menu' };
  if (!registered && !isRegistrationStep(state)) return { step: 'new' };
  return state;
}
