import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { partitionOf } from '@app/contracts';
import { pollUntil, testInfra } from '@app/testing';
import { DEFAULT_TEXTS } from '../src/domain/bot';
import type { RunningEngine } from '../src/engine';
import { deliveryDriver } from './delivery-driver';
import { createEngineHarness, type EngineHarness } from './engine-harness';
import { studentTalking } from './student-driver';

/**
 * Consumers and streams lost while the engine runs (an operator deleting them, NATS restarted without its
 * store). To see /readyz say so, what was deleted is first kept from being re-created: another stream holds
 * its subjects, so re-ensuring the stream fails until that blocker is deleted.
 */
describe('conversation-engine when a consumer or stream is lost at runtime', () => {
  let h: EngineHarness;
  let engine: RunningEngine;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let blocker: string;
  beforeEach(async () => {
    h = await createEngineHarness();
    engine = await h.start();
    nc = await connect({ servers: testInfra.natsUrl });
    jsm = await jetstreamManager(nc);
    blocker = `${h.namespace}_BLOCKER`;
  });
  afterEach(async () => {
    await jsm.streams.delete(blocker).catch(() => undefined);
    await nc.close();
    await h.close();
  });

  const readiness = async () => {
    const res = await fetch(`${engine.url}/readyz`);
    return { status: res.status, body: (await res.json()) as { down: string[] } };
  };
  const readyzIs = (status: number) =>
    pollUntil(
      async () => {
        const r = await readiness();
        return r.status === status ? r : undefined;
      },
      { message: `/readyz ${status}`, timeoutMs: 30_000 },
    );
  /** Moves `stream` off `subjects`, then lets the blocker take them. */
  const blockSubjects = async (stream: string, keep: string[], subjects: string[]) => {
    await jsm.streams.update(stream, { subjects: keep });
    await jsm.streams.add({ name: blocker, subjects });
  };

  it('re-creates a deleted inbound partition consumer: /readyz is 503 naming it meanwhile, and the student is answered after', async () => {
    const student = studentTalking(h);
    expect((await student.says('hi')).map((r) => r.body)).toEqual([DEFAULT_TEXTS['registration.welcome']]);
    const partition = partitionOf(student.phone);
    const others = Array.from({ length: h.t.partitions }, (_, p) => p).filter((p) => p !== partition);
    await blockSubjects(
      h.t.inboundStream,
      others.map((p) => h.t.inboundPartitionFilter(p)),
      [h.t.inboundPartitionFilter(partition)],
    );
    await jsm.consumers.delete(h.t.inboundStream, h.t.inboundConsumer(partition));

    const down = await readyzIs(503);
    expect(down.body.down).toEqual(['nats_consumers']);
    await jsm.streams.delete(blocker);
    await readyzIs(200);

    const replies = await student.says('Ada Lovelace');
    expect(replies).toHaveLength(1);
    expect(await student.botState()).toMatchObject({ step: 'registration.email' });
    // 'hi' came again from the re-created consumer (it resumes at its last ack floor) and was not answered twice.
    const { messages } = await h.conversationRows(student.phone);
    expect(messages.map((m) => m.direction)).toEqual(['inbound', 'outbound', 'inbound', 'outbound']);
  });

  it('re-creates a deleted delivery consumer and records the send results published after', async () => {
    const student = studentTalking(h);
    await student.says('hi');
    const reply = (await h.conversationRows(student.phone)).messages.find((m) => m.direction === 'outbound');
    if (!reply) throw new Error('no reply written');
    await blockSubjects(h.t.deliveryStream, [`${h.namespace}.moved.delivery.>`], [h.t.deliveryStreamSubjects]);
    await jsm.consumers.delete(h.t.deliveryStream, h.t.deliveryConsumer);

    expect((await readyzIs(503)).body.down).toEqual(['nats_consumers']);
    await jsm.streams.delete(blocker);
    await readyzIs(200);

    const d = deliveryDriver(h);
    const wamid = `wamid.OUT-${reply.id}`;
    await d.sendResult({ outcome: 'accepted', messageId: reply.id, wamid, attempts: 1 });
    expect(await d.messageWhen(reply.id, (m) => m.status === 'sent', 'sent')).toMatchObject({ status: 'sent', wamid });
  });

  it('re-creates a deleted INBOUND stream with every partition consumer, and answers what is published after', async () => {
    const student = studentTalking(h);
    await student.says('hi');
    await blockSubjects(h.t.inboundStream, [`${h.namespace}.moved.inbound.>`], [h.t.inboundStreamSubjects]);
    await jsm.streams.delete(h.t.inboundStream);

    expect((await readyzIs(503)).body.down).toEqual(['nats_consumers']);
    await jsm.streams.delete(blocker);
    await readyzIs(200);
    const consumers = await pollUntil(
      async () => {
        const names: string[] = [];
        for await (const c of jsm.consumers.list(h.t.inboundStream)) names.push(c.name);
        return names.length === h.t.partitions ? names : undefined;
      },
      { message: 'every partition consumer re-created', timeoutMs: 30_000 },
    );
    expect(consumers.sort()).toEqual(Array.from({ length: h.t.partitions }, (_, p) => h.t.inboundConsumer(p)).sort());

    expect(await student.says('Ada Lovelace')).toHaveLength(1);
    expect(await student.botState()).toMatchObject({ step: 'registration.email' });
  });
});
