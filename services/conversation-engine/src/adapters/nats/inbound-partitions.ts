import type { Logger } from '@app/logging';
import {
  startBatchLoop,
  type BatchHandler,
  type BatchLoop,
  type ConsumerHealth,
  type ConsumerTopology,
  type JetStreamClient,
  type JetStreamManager,
} from '@app/messaging';
import type { PartitionRunner } from '../partition-leases';

/**
 * Consumes the inbound partitions this replica holds the lease of, each with its own batch loop. A partition
 * taken from a replica that stopped renewing may still have messages out to it, unacknowledged: JetStream
 * would hand the next ones to us while those wait out their ack wait, and a student's later message could
 * overtake an earlier one. So such a partition is consumed only once that ack wait has passed, when the
 * server gives the old messages back first. A partition given back cleanly (its buffered messages nak-ed)
 * starts at once. A partition's consumer lost at runtime is re-created by its loop from `topology`, and
 * `health` says so meanwhile.
 */
export function inboundPartitionRunner(opts: {
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Each partition's consumer and stream, as ensured at start. */
  topology: (partition: number) => ConsumerTopology;
  health?: ConsumerHealth;
  flush: () => Promise<void>;
  ackWaitMs: number;
  maxBatch: number;
  handler: (partition: number) => BatchHandler;
  observe: Pick<Parameters<typeof startBatchLoop>[0], 'onSettled' | 'onRetry'>;
  log: Logger;
}): PartitionRunner {
  const { log } = opts;
  const running = new Map<number, { cancel(): void; started: Promise<BatchLoop | undefined> }>();

  const waitForPreviousHolder = async (partition: number, isCancelled: () => boolean, cancelled: Promise<void>) => {
    const { stream, durable } = opts.topology(partition).consumer;
    const info = await opts.jsm.consumers.info(stream, durable).catch(() => undefined);
    if (!info || info.num_ack_pending === 0 || isCancelled()) return;
    log.info(
      { partition, unacknowledged: info.num_ack_pending, waitMs: opts.ackWaitMs },
      "partition taken over; waiting for its previous holder's messages to come back",
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, opts.ackWaitMs + 250))), cancelled]);
    clearTimeout(timer);
  };

  return {
    async start(partition, expired) {
      let isCancelled = false;
      let cancel = () => undefined as void;
      const cancelled = new Promise<void>((resolve) => {
        cancel = () => {
          isCancelled = true;
          resolve();
        };
      });
      const started = (async () => {
        if (expired) await waitForPreviousHolder(partition, () => isCancelled, cancelled);
        if (isCancelled) return undefined;
        return startBatchLoop({
          js: opts.js,
          jsm: opts.jsm,
          topology: opts.topology(partition),
          health: opts.health,
          maxBatch: opts.maxBatch,
          flush: opts.flush,
          handler: opts.handler(partition),
          inOrder: { ackWaitMs: opts.ackWaitMs },
          log,
          ...opts.observe,
        });
      })();
      running.set(partition, { cancel, started });
    },
    async stop(partition) {
      const entry = running.get(partition);
      if (!entry) return;
      running.delete(partition);
      entry.cancel();
      const loop = await entry.started.catch(() => undefined);
      await loop?.stop();
    },
  };
}
