import type { Generated } from 'kysely';

export interface BotTextsTable {
  id: string;
  body: string;
  updated_at: Generated<Date>;
}

export interface FaqCategoriesTable {
  id: string;
  title: string;
  position: Generated<number>;
  updated_at: Generated<Date>;
}

export interface FaqEntriesTable {
  id: string;
  category_id: string;
  question: string;
  answer: string;
  position: Generated<number>;
  updated_at: Generated<Date>;
}

/** subjects and classes: a choice offered in a list. */
export interface ChoiceTable {
  id: string;
  title: string;
  position: Generated<number>;
  updated_at: Generated<Date>;
}

export interface BotContentVersionTable {
  id: number;
  version: number;
}
