import { describe, expect, it } from 'vitest';
import { INBOUND_PARTITIONS, partitionOf, topology } from './topology';

describe('topology', () => {
  it('uses the bare wire names without a namespace', () => {
    const t = topology();
    expect(t.inboundStream).toBe('INBOUND');
    expect(t.inboundSubject(3, 'message')).toBe('wa.inbound.p3.message');
    expect(t.outboundQueue).toBe('whatsapp-outbound');
  });

  it('keeps namespaced names apart from production ones', () => {
    const t = topology('t1234');
    expect(t.inboundStream).toBe('t1234_INBOUND');
    expect(t.inboundStreamSubjects).toBe('t1234.wa.inbound.>');
    expect(t.inboundPartitionFilter(0)).toBe('t1234.wa.inbound.p0.>');
    expect(t.deliveryResultSubject).toBe('t1234.wa.delivery.result');
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
});
