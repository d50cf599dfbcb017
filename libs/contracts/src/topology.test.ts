import { describe, expect, it } from 'vitest';
import { partitionOf, topology } from './topology';
import { INBOUND_PARTITIONS } from './wire';

describe('topology', () => {
  it('uses the bare wire names without a namespace', () => {
    const t = topology();
    expect(t.inboundStream).toBe('INBOUND');
    expect(t.inboundSubject(3, 'message')).toBe('wa.inbound.p3.message');
    expect(t.outboundQueue).toBe('whatsapp-outbound');
    expect(t.mediaDownloadQueue).toBe('whatsapp-media-download');
    expect(t.readResultSubject).toBe('wa.delivery.read-result');
    expect(t.sendRetryingSubject).toBe('wa.delivery.retrying');
    expect(t.mediaDownloadedSubject).toBe('wa.delivery.media.downloaded');
    expect(t.mediaDownloadFailedSubject).toBe('wa.delivery.media.failed');
    expect(t.senderRpcSubject('queue.status')).toBe('sender.rpc.queue.status');
    expect(t.engineRpcSubject('chat.claim')).toBe('engine.rpc.chat.claim');
    expect(t.engineRpcQueueGroup).toBe('conversation-engine');
    expect(t.senderRpcQueueGroup).toBe('whatsapp-sender');
  });

  it('keeps namespaced names apart from production ones', () => {
    const t = topology('t1234');
    expect(t.inboundStream).toBe('t1234_INBOUND');
    expect(t.inboundStreamSubjects).toBe('t1234.wa.inbound.>');
    expect(t.inboundPartitionFilter(0)).toBe('t1234.wa.inbound.p0.>');
    expect(t.deliveryResultSubject).toBe('t1234.wa.delivery.result');
    expect(t.mediaDownloadQueue).toBe('t1234_whatsapp-media-download');
    expect(t.senderRpcSubject('dead-letters.list')).toBe('t1234.sender.rpc.dead-letters.list');
  });

  it('publishes every sender event inside the DELIVERY stream', () => {
    const t = topology('t1234');
    const streamSubjects = t.deliveryStreamSubjects.replace(/>$/, '');
    for (const subject of [
      t.sendResultSubject,
      t.sendRetryingSubject,
      t.readResultSubject,
      t.mediaDownloadedSubject,
      t.mediaDownloadFailedSubject,
    ]) {
      expect(subject.startsWith(streamSubjects)).toBe(true);
    }
  });

  it('refuses a namespace that would break a subject or a stream name', () => {
    expect(() => topology('a.b')).toThrow();
    expect(() => topology('A B')).toThrow();
  });

  it('puts one student in the same partition every time and spreads students out', () => {
    expect(partitionOf('447700900123')).toBe(partitionOf('447700900123'));
    const seen = new Set(Array.from({ length: 400 }, (_, i) => partitionOf(String(447700900000 + i))));
    expect(seen.size).toBe(INBOUND_PARTITIONS);
  });

  // Pinned literals, computed once from FNV-1a mod 16. A different hash (or partition count) would move
  // students to other partitions across an upgrade, breaking per-student ordering while old messages drain.
  it.each([
    ['447700900123', 2],
    ['447700900124', 3],
    ['15550783881', 8],
    ['2348012345678', 10],
    ['NG.1234567890', 13],
    ['919876543210', 6],
    ['1', 12],
    ['', 5],
    ['447911123456', 8],
    ['33612345678', 15],
    ['wa-id-ümlaut', 5],
  ])('maps %j to partition %i, as every deployed version has', (waId, partition) => {
    expect(INBOUND_PARTITIONS).toBe(16);
    expect(partitionOf(waId)).toBe(partition);
  });
});
