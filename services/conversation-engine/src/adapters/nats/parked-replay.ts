import type { Logger } from '@app/logging';
import type { Kysely } from 'kysely';
import type { EngineDatabase } from '../../db/database';
import type { ParkedEventRow } from '../../db/repositories/parked-events.repository';
import { currentLeaseHolder } from '../../db/repositories/partition-leases.repository';
import type { InboundEvent, PartitionBatchResult } from '../../use-cases/inbound/process-inbound-batch';
import { parseInboundPayload } from './inbound.consumer';

export interface ParkedReplayDeps {
  db: Kysely<EngineDatabase>;
  /** One partition's events in a transaction of its own, fenced by `owner`'s lease, then what follows the commit. */
  processInbound: (owner: string, partition: number, events: readonly InboundEvent[]) => Promise<PartitionBatchResult>;
  /** Applies one stored delivery event as on arrival (set once the delivery consumer is built). */
  delivery: () => ((subject: string, body: string) => Promise<void>) | undefined;
  log: Logger;
}

const PARTITION = /\.p(\d+)\.(?:message|status|echo)$/;

/**
 * Runs a parked event once more through the path it came by; throws if it failed again. An inbound event
 * goes through the partition's fence under its current holder (which may be another replica): its student's
 * conversation row lock serializes it with that replica's batches, and the wamid dedupe makes a retry of an
 * event that did get through a no-op.
 */
export function parkedReplay(deps: ParkedReplayDeps): (row: ParkedEventRow) => Promise<void> {
  return async (row) => {
    if (row.source === 'delivery') {
      const replay = deps.delivery();
      if (!replay) throw new Error('delivery consumer not running');
      return replay(row.subject, row.payload);
    }
    if (row.source !== 'inbound') throw new Error(`${row.source} events cannot be replayed`);
    const partition = PARTITION.exec(row.subject)?.[1];
    if (partition === undefined) throw new Error('not an inbound partition subject');
    const parsed = parseInboundPayload(row.subject, row.payload, deps.log);
    if (!parsed.ok) throw new Error(`still unreadable: ${parsed.reason}`);
    const holder = await currentLeaseHolder(deps.db, Number(partition));
    if (!holder) throw new Error('no replica holds the partition now; try again shortly');
    const result = await deps.processInbound(holder, Number(partition), [parsed.item]);
    if (result.leaseLost) throw new Error('the partition changed hands; try again');
  };
}
