import { describe, expect, it } from 'vitest';
import { topology } from '../topology';
import { senderTopology } from './sender-topology';

describe('senderTopology', () => {
  it('uses the bare wire names without a namespace', () => {
    const t = senderTopology();
    expect(t.mediaDownloadQueue).toBe('whatsapp-media-download');
    expect(t.readResultSubject).toBe('wa.delivery.read-result');
    expect(t.sendRetryingSubject).toBe('wa.delivery.retrying');
    expect(t.mediaDownloadedSubject).toBe('wa.delivery.media.downloaded');
    expect(t.mediaDownloadFailedSubject).toBe('wa.delivery.media.failed');
    expect(t.senderRpcSubject('queue.status')).toBe('sender.rpc.queue.status');
  });

  it('namespaces every name like topology() does', () => {
    const t = senderTopology('t1234');
    expect(t.outboundQueue).toBe(topology('t1234').outboundQueue);
    expect(t.mediaDownloadQueue).toBe('t1234_whatsapp-media-download');
    expect(t.senderRpcSubject('dead-letters.list')).toBe('t1234.sender.rpc.dead-letters.list');
  });

  it('publishes every sender event inside the DELIVERY stream', () => {
    const t = senderTopology('t1234');
    const streamSubjects = topology('t1234').deliveryStreamSubjects.replace(/>$/, '');
    for (const subject of [t.sendResultSubject, t.sendRetryingSubject, t.readResultSubject, t.mediaDownloadedSubject, t.mediaDownloadFailedSubject]) {
      expect(subject.startsWith(streamSubjects)).toBe(true);
    }
  });

  it('refuses a namespace that topology() refuses', () => {
    expect(() => senderTopology('A B')).toThrow();
  });
});
