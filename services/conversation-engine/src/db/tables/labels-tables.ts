import type { Generated } from 'kysely';

/** The team's labels (agent tools); names unique whatever the case. */
export interface LabelsTable {
  id: string;
  name: string;
  colour: string;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ConversationLabelsTable {
  conversation_id: string;
  label_id: string;
  added_by: string;
  added_at: Generated<Date>;
}
