import type { Kysely } from 'kysely';
import type { Logger } from '@app/logging';
import type { EngineDatabase } from '../db/database';
import {
  claimPartitions,
  forgetReplica,
  heartbeat,
  releasePartitions,
  seedPartitionLeases,
} from '../db/repositories/partition-leases.repository';

export interface PartitionLeases {
  /** Partitions this replica consumes now. */
  held(): number[];
  /** Stops every partition's consumer, then gives the leases back and forgets this replica. */
  stop(): Promise<void>;
}

export interface PartitionRunner {
  /** Start consuming a partition just leased (`expired`: taken from a holder that stopped renewing). */
  start(partition: number, expired: boolean): Promise<void>;
  /** Stop consuming it: the batch in hand settles, buffered messages go back to the server. */
  stop(partition: number): Promise<void>;
}

/**
 * Shares the inbound partitions among the engine replicas alive: each heartbeat renews this replica's
 * leases, stops consuming any it lost, gives back any above its fair share (ceil(partitions / replicas
 * alive)) and takes free ones up to it. A replica that dies stops renewing; its leases expire after `ttlMs`
 * and the others take them. A replica that cannot reach Postgres stops its consumers before its leases can
 * expire, and its batch transactions could not commit anyway (each checks the lease first).
 */
export async function startPartitionLeases(opts: {
  db: Kysely<EngineDatabase>;
  owner: string;
  partitions: number;
  ttlMs: number;
  runner: PartitionRunner;
  log: Logger;
}): Promise<PartitionLeases> {
  const { db, owner, partitions, ttlMs, runner, log } = opts;
  const running = new Set<number>();
  let lastRenewal = Date.now();
  let stopped = false;

  const drop = async (list: number[], why: string) => {
    for (const partition of list) running.delete(partition);
    await Promise.all(list.map((partition) => runner.stop(partition)));
    if (list.length > 0) log.info({ partitions: list, why }, 'inbound partitions stopped');
  };

  const tick = async () => {
    let beat: Awaited<ReturnType<typeof heartbeat>>;
    try {
      beat = await heartbeat(db, owner, ttlMs);
      lastRenewal = Date.now();
    } catch (error) {
      log.warn({ err: error }, 'partition leases not renewed');
      // Stop well before the leases run out, so nobody else can be taking them over while we still pull.
      if (Date.now() - lastRenewal > ttlMs / 2) await drop([...running], 'leases not renewed');
      return;
    }
    const held = new Set(beat.held);
    await drop(
      [...running].filter((p) => !held.has(p)),
      'lease lost',
    );
    const share = Math.ceil(partitions / beat.alive);
    const mine = [...held].filter((p) => running.has(p)).sort((a, b) => a - b);
    if (mine.length > share) {
      const extra = mine.slice(share);
      await drop(extra, 'rebalancing');
      await releasePartitions(db, owner, extra);
      return;
    }
    if (mine.length < share && !stopped) {
      const claimed = await claimPartitions(db, owner, share - mine.length, ttlMs);
      for (const { partition, expired } of claimed) {
        running.add(partition);
        await runner.start(partition, expired);
      }
      if (claimed.length > 0) log.info({ partitions: claimed.map((c) => c.partition), replicas: beat.alive }, 'inbound partitions taken');
    }
  };

  await seedPartitionLeases(db, partitions);
  await tick();
  let ticking: Promise<void> = Promise.resolve();
  const timer = setInterval(
    () => {
      ticking = ticking
        .then(() => (stopped ? undefined : tick()))
        .catch((error: unknown) => log.error({ err: error }, 'partition lease heartbeat failed'));
    },
    Math.max(100, Math.floor(ttlMs / 4)),
  );

  return {
    held: () => [...running].sort((a, b) => a - b),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await ticking;
      const mine = [...running];
      await drop(mine, 'shutting down');
      try {
        await releasePartitions(db, owner, mine);
        await forgetReplica(db, owner);
      } catch (error) {
        log.warn({ err: error }, 'partition leases not released; they expire on their own');
      }
    },
  };
}
