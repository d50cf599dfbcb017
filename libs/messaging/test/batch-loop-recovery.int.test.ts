import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { newNamespace, pollUntil, testInfra } from '@app/testing';
import {
  createConsumerHealth,
  ensureConsumerTopology,
  ensureStream,
  startBatchLoop,
  type BatchLoop,
  type ConsumerHealth,
  type ConsumerTopology,
} from '../src/index';

/** A logger that keeps the message of every line, to count what an outage logs. */
function recordingLog() {
  const messages: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) messages.push((JSON.parse(line) as { msg: string }).msg);
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), messages };
}

describe('batch loop recovery', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let js: JetStreamClient;
  let topo: ConsumerTopology;
  let subject: string;
  let health: ConsumerHealth;
  const loops: BatchLoop[] = [];
  const extraStreams: string[] = [];

  beforeEach(async () => {
    const ns = newNamespace();
    subject = `${ns}.s`;
    topo = {
      stream: { name: `${ns}_S`, subjects: [`${ns}.s.>`], maxAgeMs: 3_600_000, duplicateWindowMs: 60_000 },
      consumer: { stream: `${ns}_S`, durable: 'c', filterSubject: `${ns}.s.>`, ackWaitMs: 30_000, maxAckPending: 10 },
    };
    nc = await connect({ servers: testInfra.natsUrl });
    jsm = await jetstreamManager(nc);
    js = jetstream(nc);
    health = createConsumerHealth();
    await ensureConsumerTopology(jsm, topo);
  });
  afterEach(async () => {
    for (const loop of loops.splice(0)) await loop.stop();
    for (const name of [topo.stream.name, ...extraStreams.splice(0)]) await jsm.streams.delete(name).catch(() => undefined);
    await nc.close();
  });

  const publish = (...texts: string[]) => Promise.all(texts.map((text) => js.publish(`${subject}.x`, text)));
  /** The test itself takes and acks the first `n` messages: the loop starts with an ack floor of n. */
  const ackFirst = async (n: number) => {
    const consumer = await js.consumers.get(topo.consumer.stream, topo.consumer.durable);
    const messages = await consumer.fetch({ max_messages: n, expires: 2_000 });
    for await (const msg of messages) await msg.ackAck();
    const info = await jsm.consumers.info(topo.consumer.stream, topo.consumer.durable);
    expect(info.ack_floor.stream_seq).toBe(n);
  };
  const start = (handle: (msg: JsMsg) => Promise<void>, log = recordingLog().log) => {
    const loop = startBatchLoop({
      js,
      jsm,
      topology: topo,
      health,
      maxBatch: 10,
      log,
      handler: async (msgs) => {
        for (const msg of msgs) await handle(msg);
        return msgs.map(() => ({ kind: 'ack' as const }));
      },
    });
    loops.push(loop);
    return loop;
  };
  const consumerInfo = () => jsm.consumers.info(topo.consumer.stream, topo.consumer.durable).catch(() => undefined);

  it('handles a delivery lost in transit before the newer messages of an in-order consumer, in stream order', async () => {
    const ns = newNamespace();
    const ordered: ConsumerTopology = {
      stream: { name: `${ns}_O`, subjects: [`${ns}.o.>`], maxAgeMs: 3_600_000, duplicateWindowMs: 60_000 },
      consumer: { stream: `${ns}_O`, durable: 'c', filterSubject: `${ns}.o.>`, ackWaitMs: 1_500, maxAckPending: 10 },
    };
    extraStreams.push(ordered.stream.name);
    await ensureConsumerTopology(jsm, ordered);
    await js.publish(`${ns}.o.x`, 'lost');
    // A fetch whose message nobody handles or acks: what a fetch that ended on our side as the server sent looks like.
    const stolen = await (
      await js.consumers.get(ordered.consumer.stream, ordered.consumer.durable)
    ).fetch({ max_messages: 1, expires: 1_000 });
    for await (const msg of stolen) expect(msg.string()).toBe('lost');
    await js.publish(`${ns}.o.x`, 'two');
    await js.publish(`${ns}.o.x`, 'three');
    const seen: string[] = [];
    const loop = startBatchLoop({
      js,
      jsm,
      topology: ordered,
      maxBatch: 10,
      log: recordingLog().log,
      inOrder: { ackWaitMs: ordered.consumer.ackWaitMs },
      handler: async (msgs) => {
        seen.push(...msgs.map((m) => m.string()));
        return msgs.map(() => ({ kind: 'ack' as const }));
      },
    });
    loops.push(loop);
    await pollUntil(() => seen.length >= 3, { message: 'all three handled', timeoutMs: 15_000 });
    expect(seen).toEqual(['lost', 'two', 'three']);
  });

  it('re-creates its deleted consumer after the last ack floor: the unacked message comes again, nothing after it is skipped', async () => {
    await publish('m1', 'm2', 'm3', 'm4');
    await ackFirst(3);
    const handled: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { log, messages } = recordingLog();
    start(async (msg) => {
      handled.push(msg.string());
      // The first delivery of m4 is in the handler (unacked) when its consumer is deleted.
      if (handled.length === 1) await gate;
    }, log);
    await pollUntil(() => handled.length === 1, { message: 'm4 in the handler' });

    await jsm.consumers.delete(topo.consumer.stream, topo.consumer.durable);
    await pollUntil(async () => (await consumerInfo()) !== undefined, { message: 'the consumer re-created', timeoutMs: 20_000 });
    await publish('m5');
    // The re-created consumer hands out m4 again and m5, while the first m4 is still in the handler.
    await pollUntil(async () => (await consumerInfo())?.num_ack_pending === 2, { message: 'm4 and m5 delivered again', timeoutMs: 20_000 });
    release();

    await pollUntil(() => handled.length === 3, { message: 'every message handled', timeoutMs: 20_000 });
    expect(handled).toEqual(['m4', 'm4', 'm5']);
    const info = await consumerInfo();
    expect(info?.config).toMatchObject({
      deliver_policy: 'by_start_sequence',
      opt_start_seq: 4,
      filter_subject: topo.consumer.filterSubject,
      max_ack_pending: 10,
    });
    await pollUntil(async () => (await consumerInfo())?.ack_floor.stream_seq === 5, { message: 'everything acked' });
    expect(messages.filter((m) => m === 'consumer missing; re-creating it')).toHaveLength(1);
    expect(messages.filter((m) => m === 'consumer re-created; consuming again')).toHaveLength(1);
    expect(health.missing()).toEqual([]);
  });

  it('consumes a re-created stream from its first message, whatever its old ack floor was', async () => {
    await publish('m1', 'm2', 'm3');
    await ackFirst(3);
    const handled: string[] = [];
    start(async (msg) => void handled.push(msg.string()));
    // Once it handled m4 the loop is consuming, with an ack floor of 3 (read when it started).
    await publish('m4');
    await pollUntil(() => handled.length === 1, { message: 'the loop consuming' });

    await jsm.streams.delete(topo.stream.name);
    // Whoever re-creates it first (this test, as a gateway would, or the loop), its sequences start again at 1.
    await ensureStream(jsm, topo.stream);
    await publish('n1', 'n2');

    await pollUntil(() => handled.length === 3, { message: 'the new stream consumed', timeoutMs: 20_000 });
    expect(handled).toEqual(['m4', 'n1', 'n2']);
    expect((await consumerInfo())?.config.deliver_policy).toBe('all');
  });

  it('is reported lost while its consumer cannot be re-created, and consumes again once it can', async () => {
    const handled: string[] = [];
    start(async (msg) => void handled.push(msg.string()));
    await publish('before');
    await pollUntil(() => handled.length === 1, { message: 'the first message' });
    const readiness = health.readiness();
    await expect(readiness.check()).resolves.toBeUndefined();

    // Another stream takes the subjects: re-ensuring the stream (its subjects brought back) fails while it exists.
    const blocker = `${topo.stream.name}_BLOCKER`;
    extraStreams.push(blocker);
    await jsm.streams.update(topo.stream.name, { subjects: [`${subject}-moved.>`] });
    await jsm.streams.add({ name: blocker, subjects: topo.stream.subjects });
    await jsm.consumers.delete(topo.consumer.stream, topo.consumer.durable);

    await pollUntil(() => health.missing().length === 1, { message: 'the consumer reported lost', timeoutMs: 20_000 });
    expect(health.missing()).toEqual([`${topo.consumer.stream}/${topo.consumer.durable}`]);
    expect(readiness.name).toBe('nats_consumers');
    await expect(readiness.check()).rejects.toThrow(/consumers missing/);

    await jsm.streams.delete(blocker);
    await pollUntil(() => health.missing().length === 0, { message: 'the consumer back', timeoutMs: 20_000 });
    await expect(readiness.check()).resolves.toBeUndefined();
    await publish('after');
    await pollUntil(() => handled.includes('after'), { message: 'a message published afterwards', timeoutMs: 20_000 });
    expect(handled.filter((t) => t === 'after')).toHaveLength(1);
  });

  it('forgets its consumer once stopped', async () => {
    const loop = start(async () => undefined);
    await jsm.streams.update(topo.stream.name, { subjects: [`${subject}-moved.>`] });
    const blocker = `${topo.stream.name}_BLOCKER`;
    extraStreams.push(blocker);
    await jsm.streams.add({ name: blocker, subjects: topo.stream.subjects });
    await jsm.consumers.delete(topo.consumer.stream, topo.consumer.durable);
    await pollUntil(() => health.missing().length === 1, { message: 'the consumer reported lost', timeoutMs: 20_000 });
    await loop.stop();
    expect(health.missing()).toEqual([]);
  });
});
