import { DEFAULT_TEXTS, type TextKey } from './default-texts';

interface ChoiceItem {
  id: string;
  title: string;
}

interface FaqEntry {
  id: string;
  question: string;
  answer: string;
}

export interface FaqCategory extends ChoiceItem {
  entries: readonly FaqEntry[];
}

/** What a school can change without a deploy, loaded from Postgres and handed to the pure bot as a value. */
export interface BotContent {
  texts: Readonly<Partial<Record<string, string>>>;
  faq: readonly FaqCategory[];
  subjects: readonly ChoiceItem[];
  classes: readonly ChoiceItem[];
}

/** The rows of the content tables, as the repository reads them. */
export interface BotContentRows {
  texts: readonly { id: string; body: string }[];
  faqCategories: readonly { id: string; title: string; position: number }[];
  faqEntries: readonly { id: string; category_id: string; question: string; answer: string; position: number }[];
  subjects: readonly { id: string; title: string; position: number }[];
  classes: readonly { id: string; title: string; position: number }[];
}

const byPosition = <T extends { position: number; id: string }>(a: T, b: T) => a.position - b.position || a.id.localeCompare(b.id);

export function buildBotContent(rows: BotContentRows): BotContent {
  return {
    texts: Object.fromEntries(rows.texts.map((r) => [r.id, r.body])),
    faq: [...rows.faqCategories].sort(byPosition).map((c) => ({
      id: c.id,
      title: c.title,
      entries: rows.faqEntries
        .filter((e) => e.category_id === c.id)
        .sort(byPosition)
        .map((e) => ({ id: e.id, question: e.question, answer: e.answer })),
    })),
    subjects: [...rows.subjects].sort(byPosition).map(({ id, title }) => ({ id, title })),
    classes: [...rows.classes].sort(byPosition).map(({ id, title }) => ({ id, title })),
  };
}

/**
 * The text for `key` with its placeholders filled. Values are inserted once and never re-scanned, so a
 * student called "{name}" stays "{name}".
 */
export function say(content: BotContent, key: TextKey, vars: Record<string, string> = {}): string {
  const stored = content.texts[key]?.trim();
  const template = stored ? stored : DEFAULT_TEXTS[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
