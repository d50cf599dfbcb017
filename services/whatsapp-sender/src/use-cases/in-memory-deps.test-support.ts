import type { OutboundReadResultV1, OutboundSendResultV1, OutboundSendRetryingV1 } from '@app/contracts';
import { createLogger } from '@app/logging';
import { nextAttempt, type SendState } from '../domain/send-state';
import type { CloudApiOutcome, PauseRecord, SendMessageDeps } from './ports';

/** In-memory ports for use-case unit tests: what the use case wrote, published and asked for. */
export function inMemoryDeps(answers: CloudApiOutcome[]) {
  const states = new Map<string, SendState>();
  const sent: OutboundSendResultV1[] = [];
  const retrying: OutboundSendRetryingV1[] = [];
  /** Set to make the next retrying notes fail to publish (NATS down, say). */
  const faults = { retryingPublish: undefined as Error | undefined };
  const read: OutboundReadResultV1[] = [];
  const slowDowns: number[] = [];
  const pauses: PauseRecord[] = [];
  const calls: unknown[] = [];
  const keep = (id: string, state: SendState) => void states.set(id, state);
  const retryOf = (id: string) => states.get(id)?.retry ?? 0;
  const deps: SendMessageDeps = {
    cloudApi: {
      send: async (body) => {
        calls.push(body);
        return answers.shift() ?? { ok: true, wamid: `wamid.${calls.length}` };
      },
      markRead: async () => ({ ok: true, value: undefined }),
      probe: async () => ({ ok: true, value: undefined }),
    },
    store: {
      get: async (id) => states.get(id),
      getMany: async (ids) => ids.map((id) => states.get(id)),
      claimAttempt: async (id) => {
        const previous = states.get(id);
        if (previous?.status !== 'accepted' && previous?.status !== 'failed')
          keep(id, { status: 'in_flight', attempts: nextAttempt(previous), retry: retryOf(id) });
        return previous;
      },
      recordAccepted: async (id, wamid, attempts) => keep(id, { status: 'accepted', wamid, attempts, retry: retryOf(id) }),
      recordRefused: async (id, error, attempts) => keep(id, { status: 'refused', error, attempts, retry: retryOf(id) }),
      recordFailed: async (id, error, attempts) => keep(id, { status: 'failed', error, attempts, retry: retryOf(id) }),
      requeueFailed: async () => 'not_failed',
    },
    publisher: {
      sendResult: async (event) => void sent.push(event),
      sendRetrying: async (event) => {
        if (faults.retryingPublish) throw faults.retryingPublish;
        retrying.push(event);
      },
      readResult: async (event) => void read.push(event),
      mediaDownloaded: async () => undefined,
      mediaDownloadFailed: async () => undefined,
    },
    control: {
      slowDown: async (ms) => void slowDowns.push(ms),
      pause: async (record) => {
        pauses.push(record);
        return pauses.length === 1;
      },
      resume: async () => undefined,
      pauseState: async () => pauses.at(-1),
      counts: async () => ({
        outbound: { waiting: 0, delayed: 0, active: 0, failed: 0 },
        media: { waiting: 0, delayed: 0, active: 0, failed: 0 },
      }),
      claimProbe: async () => true,
    },
    metrics: { attemptSettled: () => undefined, paused: () => undefined, mediaSettled: () => undefined },
    policy: { maxAttempts: 3, backoffBaseMs: 1_000, pairBackoffBaseMs: 4_000 },
    now: () => new Date('2026-01-01T00:00:00.000Z'),
    random: () => 0,
  };
  return { deps, states, sent, retrying, faults, read, slowDowns, pauses, calls, log: createLogger({ service: 'test', level: 'silent' }) };
}
