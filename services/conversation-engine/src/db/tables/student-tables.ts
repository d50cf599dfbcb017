import type { Generated } from 'kysely';

export interface StudentsTable {
  conversation_id: string;
  name: string;
  email: string;
  class_name: string;
  registered_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HomeworkSubmissionsTable {
  id: Generated<string>;
  reference: string;
  conversation_id: string;
  message_id: string;
  subject_id: string | null;
  subject: string;
  text: string | null;
  media_type: 'image' | 'document' | null;
  media_id: string | null;
  media_mime_type: string | null;
  media_sha256: string | null;
  media_caption: string | null;
  media_filename: string | null;
  created_at: Generated<Date>;
}
