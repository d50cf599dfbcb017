import type { Kysely } from 'kysely';

// The W3C trace context ({traceparent, tracestate?}) of the work that wrote an outbox row, carried on into
// its BullMQ job so the send joins the inbound message's trace. Nullable, and null whenever tracing is off:
// older rows and untraced writes have none. Adding a nullable column without a default rewrites nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('trace_context', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('trace_context').execute();
}
