import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types';

export interface SupportChatsTable {
  id: Generated<string>;
  seq: Generated<number>;
  conversation_id: string;
  status: 'waiting' | 'active' | 'ended';
  requested_at: Timestamp;
  requested_by: 'student' | 'agent';
  assigned_admin_id: string | null;
  assigned_admin_name: string | null;
  claimed_at: Timestamp | null;
  first_response_at: Timestamp | null;
  ended_at: Timestamp | null;
  ended_by: 'student' | 'agent' | 'system' | null;
  end_reason: 'student' | 'agent' | 'service_window_closed' | null;
  ended_by_admin_id: string | null;
  ended_by_admin_name: string | null;
  queue_position_told: number | null;
  queue_position_told_at: Timestamp | null;
  /** When the current assignee got the chat (claim, offer, assignment, transfer). */
  assigned_at: Timestamp | null;
  /** When an agent last wrote to the student in the chat (auto-reassign). */
  agent_replied_at: Timestamp | null;
  /** The agent who last handed the chat back or let it go unanswered: it is not offered to them again. */
  passed_by: string | null;
  /** The student asked for the chat outside office hours (told when the team is back). */
  arrived_outside_hours: Generated<boolean>;
  waited_seconds: ColumnType<number | null, never, never>;
  first_response_seconds: ColumnType<number | null, never, never>;
  duration_seconds: ColumnType<number | null, never, never>;
}

export interface AdminIdempotencyTable {
  key: string;
  message_id: string;
  created_at: Timestamp;
}
