import { describe, expect, it } from 'vitest';
import {
  isServiceWindowOpen,
  OUTSIDE_WINDOW_ERROR_CODE,
  serviceWindowExpiresAt,
  SERVICE_WINDOW_MS,
  windowClosedAt,
} from './service-window';

const NOW = new Date('2026-11-23T09:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const open = (lastInboundAt: Date | null, closedAt: Date | null = null) => ({ lastInboundAt, closedAt });

describe('the 24-hour service window', () => {
  it('is open for 24 hours after the last inbound message and closed without one', () => {
    expect(isServiceWindowOpen(open(null), NOW)).toBe(false);
    expect(serviceWindowExpiresAt(open(null))).toBeNull();
    expect(isServiceWindowOpen(open(ago(SERVICE_WINDOW_MS - 1)), NOW)).toBe(true);
    expect(isServiceWindowOpen(open(ago(SERVICE_WINDOW_MS)), NOW)).toBe(false);
    expect(serviceWindowExpiresAt(open(NOW))?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });

  it('is closed from the moment Meta said so until the student writes again', () => {
    const closed = open(ago(60_000), ago(1_000));
    expect(isServiceWindowOpen(closed, NOW)).toBe(false);
    expect(serviceWindowExpiresAt(closed)).toEqual(ago(1_000));
    const reopened = open(NOW, ago(1_000));
    expect(isServiceWindowOpen(reopened, new Date(NOW.getTime() + 1))).toBe(true);
    expect(serviceWindowExpiresAt(reopened)?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });
});

describe('a send refused as outside the window', () => {
  const refused = (errorCode: number, messageWrittenAt: Date, lastInboundAt: Date | null) =>
    windowClosedAt({ errorCode, messageWrittenAt, lastInboundAt, now: NOW });

  it('closes the window for 131047 on a message written after the last inbound one', () => {
    expect(refused(OUTSIDE_WINDOW_ERROR_CODE, ago(5_000), ago(60_000))).toEqual(NOW);
    expect(refused(OUTSIDE_WINDOW_ERROR_CODE, ago(5_000), null)).toEqual(NOW);
  });

  it('leaves it alone for other codes, and for a message written before the student wrote again', () => {
    expect(refused(131026, ago(5_000), ago(60_000))).toBeUndefined();
    expect(refused(OUTSIDE_WINDOW_ERROR_CODE, ago(60_000), ago(5_000))).toBeUndefined();
  });

  it('never closes it earlier than the last inbound message, whatever the clocks', () => {
    const lastInboundAt = new Date(NOW.getTime() + 50);
    expect(windowClosedAt({ errorCode: OUTSIDE_WINDOW_ERROR_CODE, messageWrittenAt: lastInboundAt, lastInboundAt, now: NOW })).toEqual(
      lastInboundAt,
    );
  });
});
