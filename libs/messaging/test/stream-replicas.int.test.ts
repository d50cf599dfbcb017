import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { topology } from '@app/contracts';
import { freePort } from '@app/runtime';
import { pollUntil } from '@app/testing';
import { engineConsumerTopologies, ensureStream, streamSpecs, type StreamSpec } from '../src/index';

/*
 * JETSTREAM_REPLICAS needs a JetStream cluster (a single server refuses more than one replica), so this test
 * runs three nats-servers of its own on spare ports, clustered, each with its own store.
 */
const NATS_SERVER = process.env.NATS_SERVER_BIN ?? 'nats-server';
const haveNatsServer = spawnSync(NATS_SERVER, ['--version']).status === 0;

const spec = (replicas?: number): StreamSpec => {
  const name = `test-${randomUUID()}`;
  return { name, subjects: [`${name}.>`], maxAgeMs: 60_000, duplicateWindowMs: 10_000, ...(replicas === undefined ? {} : { replicas }) };
};

describe('stream specs', () => {
  it('carry JETSTREAM_REPLICAS to both streams and to the streams the engine re-creates with its consumers', () => {
    const t = topology(`test-${randomUUID().slice(0, 8)}`);
    expect(streamSpecs(t).inbound.replicas).toBe(1);
    const specs = streamSpecs(t, { replicas: 3 });
    expect([specs.inbound.replicas, specs.delivery.replicas]).toEqual([3, 3]);
    const engine = engineConsumerTopologies(t, { ackWaitMs: 30_000, inboundMaxAckPending: 1, deliveryMaxAckPending: 1, streamReplicas: 3 });
    expect([engine.inbound(5).stream.replicas, engine.delivery.stream.replicas]).toEqual([3, 3]);
  });
});

describe.skipIf(!haveNatsServer)('ensureStream on a three-node JetStream cluster', () => {
  const children: ChildProcess[] = [];
  let dir: string;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'nats-cluster-'));
    const nodes = await Promise.all([1, 2, 3].map(async (n) => ({ n, client: await freePort(), route: await freePort() })));
    const routes = nodes.map((node) => `"nats://127.0.0.1:${node.route}"`).join(', ');
    for (const node of nodes) {
      const conf = path.join(dir, `n${node.n}.conf`);
      writeFileSync(
        conf,
        `server_name: n${node.n}\nlisten: 127.0.0.1:${node.client}\njetstream { store_dir: "${path.join(dir, `n${node.n}`)}" }\n` +
          `cluster { name: replicas-test, listen: 127.0.0.1:${node.route}, routes: [${routes}] }\n`,
      );
      children.push(spawn(NATS_SERVER, ['-c', conf], { stdio: 'ignore' }));
    }
    nc = await pollUntil(() => connect({ servers: nodes.map((node) => `nats://127.0.0.1:${node.client}`) }), {
      timeoutMs: 10_000,
      message: 'the cluster to accept connections',
    });
    // JetStream answers (jetstreamManager checks it) once the three servers elected a meta leader.
    jsm = await pollUntil(() => jetstreamManager(nc, { timeout: 1_000 }), {
      timeoutMs: 30_000,
      intervalMs: 250,
      message: 'a JetStream meta leader',
    });
  });

  afterAll(async () => {
    await nc?.close();
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const peersOf = async (name: string) => {
    const info = await jsm.streams.info(name);
    return { replicas: info.config.num_replicas, peers: 1 + (info.cluster?.replicas?.length ?? 0) };
  };

  it('creates a stream with the replicas asked for', async () => {
    const s = spec(3);
    await pollUntil(() => ensureStream(jsm, s), { timeoutMs: 15_000, message: 'an R3 stream' });
    await pollUntil(async () => (await peersOf(s.name)).peers === 3, { message: 'three peers' });
    expect(await peersOf(s.name)).toEqual({ replicas: 3, peers: 3 });
  });

  it('creates one replica when none is asked for', async () => {
    const s = spec();
    await ensureStream(jsm, s);
    expect(await peersOf(s.name)).toEqual({ replicas: 1, peers: 1 });
  });

  it('raises an existing stream with fewer replicas, keeping its messages', async () => {
    const s = spec(1);
    await ensureStream(jsm, s);
    await jetstream(nc).publish(`${s.name}.a`, 'kept');
    const raised = await ensureStream(jsm, { ...s, replicas: 3 });
    expect(raised.config.num_replicas).toBe(3);
    await pollUntil(async () => (await peersOf(s.name)).peers === 3, { timeoutMs: 15_000, message: 'three peers after the raise' });
    expect((await jsm.streams.info(s.name)).state.messages).toBe(1);
  });

  it('never lowers an existing stream: a count an operator raised stays', async () => {
    const s = spec(3);
    await pollUntil(() => ensureStream(jsm, s), { timeoutMs: 15_000, message: 'an R3 stream' });
    const again = await ensureStream(jsm, { ...s, replicas: 1 });
    expect(again.config.num_replicas).toBe(3);
    expect((await peersOf(s.name)).replicas).toBe(3);
  });
});
