import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { createLogger } from '@app/logging';
import { freePort } from '@app/runtime';
import { pollUntil } from '@app/testing';
import {
  connectNats,
  createConsumerHealth,
  ensureConsumerTopology,
  startBatchLoop,
  type BatchLoop,
  type ConsumerTopology,
} from '../src/index';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? 'nats-server';
const haveNatsServer = spawnSync(NATS_SERVER, ['--version']).status === 0;

/**
 * A NATS server of this test's own (the shared one cannot be restarted under other tests), each start with an
 * empty store: what a restart that lost its volume looks like to the services.
 */
function privateNats(port: number) {
  let child: ChildProcess | undefined;
  const dirs: string[] = [];
  return {
    url: `nats://127.0.0.1:${port}`,
    start() {
      const dir = mkdtempSync(path.join(tmpdir(), 'nats-store-'));
      dirs.push(dir);
      child = spawn(NATS_SERVER, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], { stdio: 'ignore' });
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      await new Promise((resolve) => {
        running.once('exit', resolve);
        running.kill('SIGKILL');
      });
    },
    cleanUp() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.skipIf(!haveNatsServer)('batch loop across a NATS restart that lost its store', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('re-creates its stream and consumer once the server is back, and consumes what is published after', async () => {
    const nats = privateNats(await freePort());
    cleanups.push(
      () => nats.cleanUp(),
      () => nats.kill(),
    );
    nats.start();
    const log = createLogger({ service: 'test', level: 'silent' });
    const nc: NatsConnection = await pollUntil(() => connectNats(nats.url, 'restart-test', log), {
      message: 'the private nats-server',
      timeoutMs: 20_000,
    });
    cleanups.push(() => nc.close());
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    const topo: ConsumerTopology = {
      stream: { name: 'R', subjects: ['r.>'], maxAgeMs: 3_600_000, duplicateWindowMs: 60_000 },
      consumer: { stream: 'R', durable: 'c', filterSubject: 'r.>', ackWaitMs: 30_000, maxAckPending: 10 },
    };
    await ensureConsumerTopology(jsm, topo);
    const handled: string[] = [];
    const loop: BatchLoop = startBatchLoop({
      js,
      jsm,
      topology: topo,
      health: createConsumerHealth(),
      maxBatch: 10,
      log,
      handler: async (msgs) => msgs.map((msg) => (handled.push(msg.string()), { kind: 'ack' as const })),
    });
    cleanups.push(() => loop.stop());
    await js.publish('r.x', 'before');
    await pollUntil(() => handled.length === 1, { message: 'the first message' });

    await nats.kill();
    nats.start();
    // Publishing fails until the loop has re-created the stream on the new, empty server.
    await pollUntil(() => js.publish('r.x', 'after').then(() => true), {
      message: 'a publish stored again',
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    await pollUntil(() => handled.includes('after'), { message: 'the message published after the restart', timeoutMs: 30_000 });
    expect(handled).toEqual(['before', 'after']);
    expect((await jsm.consumers.info('R', 'c')).config).toMatchObject({
      deliver_policy: 'all',
      filter_subject: 'r.>',
      max_ack_pending: 10,
    });
  });
});
