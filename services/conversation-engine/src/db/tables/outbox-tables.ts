import type { Generated } from 'kysely';
import type { OutboxKind } from '../../domain/outbox-job';
import type { Json, Timestamp } from './column-types';

export interface OutboxTable {
  id: string;
  kind: OutboxKind;
  /** The outbound message of a send; the student's message a mark-read or download is about. */
  message_id: string;
  seq: Generated<number>;
  conversation_id: string;
  job: Json<unknown>;
  created_at: Generated<Date>;
  relayed_at: Timestamp | null;
  completed_at: Timestamp | null;
  /** Nothing of the conversation's send order is open before it: the relay may queue it. */
  ready: Generated<boolean>;
  /** W3C trace context ({traceparent, tracestate?}) of the work that wrote it; null when tracing is off. */
  trace_context: Json<unknown> | null;
}
