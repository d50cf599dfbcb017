import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The satisfaction survey of one support chat (issue 15): asked once, rated once, commented once. */
export interface SupportChatCsatTable {
  chat_id: string;
  conversation_id: string;
  asked_at: Timestamp;
  rating: number | null;
  rated_at: Timestamp | null;
  comment: string | null;
  commented_at: Timestamp | null;
}

/** Whether the survey is sent (one row, id 1); its wording is in bot_texts (csat.*). */
export interface CsatSettingsTable {
  id: number;
  enabled: boolean;
  updated_at: Timestamp;
  updated_by: string | null;
}
