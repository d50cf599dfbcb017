import type { Kysely } from 'kysely';
import type { InboundMessageReceivedV1, InboundStatusReceivedV1 } from '@app/contracts';
import type { BotContentSource } from '../adapters/db/bot-content.repository';
import type { EngineDatabase } from '../adapters/db/database';
import { holdsPartition } from '../adapters/db/partition-leases.repository';
import { applyDeliveryStatus, statusChanges, type ApplyStatusResult } from './apply-delivery-status';
import { mergeChanges, noChanges, type Changes } from './changes';
import { processInboundMessage, type ProcessInboundResult } from './process-inbound-message';

export type InboundEvent = { kind: 'message'; event: InboundMessageReceivedV1 } | { kind: 'status'; event: InboundStatusReceivedV1 };

export type InboundOutcome = { kind: 'message'; result: ProcessInboundResult } | { kind: 'status'; result: ApplyStatusResult };

export interface InboundBatchDeps {
  db: Kysely<EngineDatabase>;
  now: () => Date;
  newId: () => string;
  content: BotContentSource;
}

/** The partition's lease was lost before the batch could commit: another replica consumes it now. */
export class PartitionLeaseLostError extends Error {
  override name = 'PartitionLeaseLostError';
  readonly code = 'partition_lease_lost' as const;
  readonly retryable = false;
}

/**
 * A partition's pending events, in stream order, in one transaction: each message or status is handled as
 * it would be alone (dedupe row, state, history, outbox), and one commit makes all of them durable. The
 * transaction first checks that this replica still holds the partition (and keeps the lease row as it is
 * until commit), so no other replica can be handling the same students at the same time.
 */
export async function processInboundBatch(
  deps: InboundBatchDeps,
  lease: { partition: number; owner: string } | undefined,
  events: readonly InboundEvent[],
): Promise<{ outcomes: InboundOutcome[]; changes: Changes }> {
  return deps.db.transaction().execute(async (trx) => {
    if (lease && !(await holdsPartition(trx, lease.partition, lease.owner))) {
      throw new PartitionLeaseLostError(`partition ${lease.partition} is no longer held by this replica`);
    }
    const turn = { now: deps.now(), newId: deps.newId, content: await deps.content(trx) };
    const outcomes: InboundOutcome[] = [];
    const changes: Changes[] = [];
    for (const item of events) {
      if (item.kind === 'message') {
        const result = await processInboundMessage(trx, turn, item.event);
        outcomes.push({ kind: 'message', result });
        changes.push(result.outcome === 'processed' ? result.changes : noChanges());
      } else {
        const result = await applyDeliveryStatus(trx, turn.now, item.event);
        outcomes.push({ kind: 'status', result });
        changes.push(statusChanges(result));
      }
    }
    return { outcomes, changes: mergeChanges(...changes) };
  });
}
