import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildInboundWebhook,
  buildTextMessage,
  newPhone,
  pollUntil,
  startSystem,
  type RecordedRequest,
  type RunningSystem,
} from '../src/index';

/**
 * Per-student outbound order through the real gateway, engine and two sender replicas (concurrency 8
 * each): the engine's relay queues a student's next reply only once the previous one has an outcome, and
 * the senders report an outcome only once it is final. A pair rate limit on one student's first reply
 * holds back that student's second reply, and nobody else's.
 */
describe("a student's replies in order with two sender replicas", () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({
      services: ['webhook-gateway', 'conversation-engine', 'whatsapp-sender'],
      // Lock (2 s in startSystem) above the HTTP timeout; A's first wait is 2-4 s (jittered 4 s ceiling).
      env: { SENDER_HTTP_TIMEOUT_MS: '1500', SENDER_PAIR_BACKOFF_MS: '4000', SENDER_CONCURRENCY: '8' },
    });
    await system.launchReplica('whatsapp-sender');
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
  });

  const requestsTo = (phone: string) => system.fake.requests.filter((r) => r.body.to === phone);
  const textOf = (r: RecordedRequest | undefined) => String((r?.body.text as { body?: string } | undefined)?.body ?? '');

  it("holds a pair-rate-limited student's next reply until the first is sent, and lets another student through", async () => {
    const a = newPhone();
    const b = newPhone();
    system.fake.scriptFor(a, { kind: 'error', status: 400, code: 131056, title: 'Pair rate limit hit' });

    const first = await system.postWebhook(
      buildInboundWebhook({ messages: [buildTextMessage({ from: a, text: 'hi' }), buildTextMessage({ from: a, text: 'Ada Lovelace' })] }),
    );
    expect(first.status).toBe(200);
    await pollUntil(() => requestsTo(a).length === 1, { timeoutMs: 20_000, message: "A's first reply refused" });
    const second = await system.postWebhook(buildInboundWebhook({ messages: [buildTextMessage({ from: b, text: 'hi' })] }));
    expect(second.status).toBe(200);
    await pollUntil(() => requestsTo(a).filter((r) => r.outcome === 'accepted').length === 2, {
      timeoutMs: 30_000,
      message: "A's two replies",
    });

    const toA = requestsTo(a);
    const [refused, firstSent, secondSent] = toA;
    expect(toA.map((r) => r.status)).toEqual([400, 200, 200]);
    expect(textOf(refused)).toMatch(/full name/i);
    expect(textOf(firstSent)).toBe(textOf(refused));
    expect(textOf(secondSent)).toBe('Thanks, Ada Lovelace! What is your email address?');
    // The pair limit held A back for at least half of its 4 s ceiling...
    expect(firstSent!.receivedAt - refused!.receivedAt).toBeGreaterThanOrEqual(2_000);
    // ...and B's reply went out meanwhile.
    const toB = requestsTo(b).filter((r) => r.outcome === 'accepted');
    expect(toB).toHaveLength(1);
    expect(toB[0]!.receivedAt).toBeLessThan(firstSent!.receivedAt);
  });
});
