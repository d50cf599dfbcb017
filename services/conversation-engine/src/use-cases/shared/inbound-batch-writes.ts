import type { Insertable, Transaction } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import type { MessagesTable } from '../../db/tables/conversation-tables';
import { writeBatch, type ConversationTurnUpdate, type OutboxInsert } from '../../db/repositories/inbound-batch.repository';
import { traceContextColumn, type OutboxRow } from '../../db/repositories/outbox.repository';

/**
 * The rows a partition's batch writes, kept in the order they were made and written together: the history
 * (messages keep their order, seq is assigned in it), the outbox, and each conversation's last turn. Whoever
 * needs the rows in the database before its own statement (a media record, a homework submission naming the
 * student's message) flushes first.
 */
export class InboundBatchWrites {
  private messages: Insertable<MessagesTable>[] = [];
  private outbox: OutboxInsert[] = [];
  private turns = new Map<string, ConversationTurnUpdate>();
  /** Ready sends the batch's statements took for the queue (writeBatch): queued after the commit. */
  readonly taken: OutboxRow[] = [];
  /** A turn wrote outbox rows through a statement of its own (media download, a bot event): the relay has work. */
  otherOutbox = false;

  constructor(private readonly relayAt: Date) {}

  addMessage(row: Insertable<MessagesTable>) {
    this.messages.push(row);
  }

  /** Called while the row's event is handled: the event's trace context (tracing on) goes with the row. */
  addOutbox(row: OutboxInsert) {
    const trace = row.trace_context === undefined ? traceContextColumn() : row.trace_context;
    this.outbox.push(trace ? { ...row, trace_context: trace } : row);
  }

  /** The conversation's state after this turn; a later turn of the same student in the batch replaces it. */
  setTurn(update: ConversationTurnUpdate) {
    this.turns.set(update.id, update);
  }

  async flush(trx: Transaction<EngineDatabase>) {
    const messages = this.messages.splice(0);
    const outbox = this.outbox.splice(0);
    const turns = [...this.turns.values()];
    this.turns.clear();
    this.taken.push(...(await writeBatch(trx, { messages, outbox, turns }, this.relayAt)));
  }
}
