import type { Kysely } from 'kysely';
import { withContext, type Context } from '@app/telemetry';
import {
  echoRecipient,
  messageSender,
  type InboundEchoReceivedV1,
  type InboundMessageReceivedV1,
  type InboundStatusReceivedV1,
} from '@app/contracts';
import type { BotContentSource } from '../../db/repositories/bot-content.repository';
import type { EngineDatabase } from '../../db/database';
import { claimAndLockConversations, type StudentClaim } from '../../db/repositories/inbound-batch.repository';
import { fenceBatch } from '../../db/repositories/partition-leases.repository';
import { applyDeliveryStatus, statusChanges, type ApplyStatusResult } from '../delivery/apply-delivery-status';
import { mergeChanges, noChanges, type Changes, type Committed } from '../shared/changes';
import { InboundBatchWrites } from '../shared/inbound-batch-writes';
import { processMessageEcho, type ProcessEchoResult } from './process-message-echo';
import { processInboundMessage, type ProcessInboundResult } from './process-inbound-message';
import { processSystemMessage } from './process-system-message';
import { settleStudent } from '../shared/settle-student';
import { StudentDirectory } from '../shared/student-directory';

export type InboundEvent = (
  | { kind: 'message'; event: InboundMessageReceivedV1 }
  | { kind: 'status'; event: InboundStatusReceivedV1 }
  | { kind: 'echo'; event: InboundEchoReceivedV1 }
) & {
  /** The event's trace (its CONSUMER span; tracing on): active while it is handled, so its outbox rows carry it. */
  trace?: Context;
};

export type InboundOutcome =
  | { kind: 'message'; result: ProcessInboundResult }
  | { kind: 'status'; result: ApplyStatusResult }
  | { kind: 'echo'; result: ProcessEchoResult };

export interface InboundBatchDeps {
  db: Kysely<EngineDatabase>;
  now: () => Date;
  newId: () => string;
  content: BotContentSource;
}

export interface PartitionBatch {
  partition: number;
  events: readonly InboundEvent[];
}

/** What became of one partition's batch: its events' outcomes, or nothing at all when its lease was lost. */
export type PartitionBatchResult = { leaseLost: true } | { leaseLost: false; outcomes: InboundOutcome[]; changes: Changes };

/**
 * Partitions' pending events, each partition's in stream order, in one transaction (different partitions
 * share a student only for the moment Meta first sends their BSUID, or a new one: the conversation's row lock
 * and the batch's StudentDirectory keep them one conversation, so their events may share a transaction in any
 * interleaving). The transaction first checks which of the partitions this replica still holds (no other
 * replica can then be handling the same students; the events of a partition it lost are left untouched),
 * claims every event id at once (a redelivery finds its dedupe row and changes nothing), creates and locks
 * the students' conversations at once (settling, only when a payload needs it, a new link between a phone and
 * a BSUID, a new phone or a merge), then lets each message and status take its turn in order; the rows they
 * write go to the database together (InboundBatchWrites), and one commit makes all of it durable. Its
 * changes are those of the partitions it still held, merged for the one after-commit step.
 */
export async function processInboundBatches(
  deps: InboundBatchDeps,
  owner: string,
  batches: readonly PartitionBatch[],
): Promise<Committed<PartitionBatchResult[]>> {
  const results = await deps.db.transaction().execute(async (trx) => {
    const fence = await fenceBatch(
      trx,
      batches.map((b) => b.partition),
      owner,
    );
    const events = batches.flatMap((b) => (fence.held.has(b.partition) ? b.events : []));
    const turn = { now: deps.now(), newId: deps.newId, content: await deps.content(trx, fence.contentVersion) };
    // An echo (the school writing from the WhatsApp Business app) to a number that never wrote creates its
    // conversation as a first message would, with no profile name and the bot's first position: the history
    // has somewhere to go, and the student's own first message later gets the registration as any new number.
    const claims = events.flatMap((e): StudentClaim[] => {
      if (e.kind === 'status') return [];
      const ref = e.kind === 'message' ? messageSender(e.event.data.message) : echoRecipient(e.event.data.echo);
      const profile =
        e.kind === 'message'
          ? { profileName: e.event.data.profileName ?? null, username: e.event.data.username ?? null }
          : { profileName: null, username: null };
      return [{ eventId: e.event.id, ...ref, ...profile }];
    });
    const { claimed, conversations: rows } = await claimAndLockConversations(
      trx,
      events.map((e) => e.event.id),
      claims,
    );
    // A repeat inside the batch (Meta's redelivery after JetStream's duplicate window) is a duplicate too.
    const fresh = events.map((e) => claimed.delete(e.event.id));
    const directory = new StudentDirectory(rows);
    // Rare: a payload linking a phone and a BSUID, a new phone, a merge, a concurrent creation (more statements).
    const freshIds = new Set(events.filter((_, i) => fresh[i]).map((e) => e.event.id));
    for (const claim of claims) {
      if (freshIds.has(claim.eventId) && !directory.settles(claim)) await settleStudent(trx, directory, claim, turn.now);
    }

    const writes = new InboundBatchWrites(turn.now);
    const outcomes: InboundOutcome[] = [];
    const changes: Changes[] = [];
    for (const [i, item] of events.entries()) {
      if (!fresh[i]) {
        const duplicate = { outcome: 'duplicate' } as const;
        outcomes.push(
          item.kind === 'message'
            ? { kind: 'message', result: duplicate }
            : item.kind === 'echo'
              ? { kind: 'echo', result: duplicate }
              : { kind: 'status', result: duplicate },
        );
        changes.push(noChanges());
        continue;
      }
      if (item.kind === 'message') {
        const conversation = directory.find(messageSender(item.event.data.message));
        if (!conversation) throw new Error(`conversation of ${item.event.id} was not created`);
        const result = await withContext(item.trace, () =>
          item.event.data.message.type === 'system'
            ? processSystemMessage(trx, turn, writes, directory, conversation.id, item.event)
            : processInboundMessage(trx, turn, writes, conversation, item.event),
        );
        outcomes.push({ kind: 'message', result });
        changes.push(result.outcome === 'processed' ? result.changes : noChanges());
      } else if (item.kind === 'echo') {
        const conversation = directory.find(echoRecipient(item.event.data.echo));
        if (!conversation) throw new Error(`conversation of ${item.event.id} was not created`);
        const result = await withContext(item.trace, () => processMessageEcho(trx, turn, writes, conversation, item.event));
        outcomes.push({ kind: 'echo', result });
        changes.push(result.outcome === 'processed' ? result.changes : noChanges());
      } else {
        // A status reads and writes rows the messages before it in the batch may have written.
        await writes.flush(trx);
        const result = await applyDeliveryStatus(trx, turn.now, item.event);
        outcomes.push({ kind: 'status', result });
        changes.push(statusChanges(result));
      }
    }
    await writes.flush(trx);

    // The sends this transaction took for the queue, and whether the relay has other work, ride with the first
    // partition's changes (merged with the others' below for the one after-commit step).
    let at = 0;
    let outbox: Pick<Changes, 'outboxTaken' | 'relay'> | undefined = { outboxTaken: writes.taken, relay: writes.otherOutbox };
    return batches.map((batch): PartitionBatchResult => {
      if (!fence.held.has(batch.partition)) return { leaseLost: true };
      const range = [at, at + batch.events.length] as const;
      at = range[1];
      const merged = mergeChanges(...changes.slice(...range));
      const result: PartitionBatchResult = {
        leaseLost: false,
        outcomes: outcomes.slice(...range),
        changes: { ...merged, ...outbox, relay: merged.relay === true || outbox?.relay === true },
      };
      outbox = { outboxTaken: [] };
      return result;
    });
  });
  return { outcome: results, changes: mergeChanges(...results.flatMap((r) => (r.leaseLost ? [] : [r.changes]))) };
}
