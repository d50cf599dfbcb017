import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildInboundWebhook,
  buildTextMessage,
  newPhone,
  pollUntil,
  signPayload,
  startSystem,
  SYSTEM_APP_SECRET,
  testInfra,
  type RunningSystem,
} from '../src/index';
import { startOtlpReceiver, type ReceivedSpan } from './otlp-receiver';

/**
 * OpenTelemetry across every hop: one inbound message's trace, continued from the webhook's own traceparent,
 * runs through the gateway, JetStream, the engine's transaction and outbox, BullMQ, the sender's Cloud API
 * call and the send result back into the engine, as exported over OTLP/HTTP by the real service processes.
 */
describe('tracing', () => {
  let system: RunningSystem;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    system = await startSystem({
      services: ['webhook-gateway', 'conversation-engine', 'whatsapp-sender'],
      env: {
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '50',
      },
    });
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    await receiver?.close();
  });

  it('puts the webhook, the engine, the send and its result in one trace, each span under the one before', async () => {
    const phone = newPhone();
    const traceId = randomBytes(16).toString('hex');
    const upstreamSpanId = randomBytes(8).toString('hex');
    const raw = JSON.stringify(buildInboundWebhook({ messages: [buildTextMessage({ from: phone, text: 'Hello school' })] }));
    const response = await fetch(`${system.url('webhook-gateway')}/api/webhook/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signPayload(raw, SYSTEM_APP_SECRET),
        traceparent: `00-${traceId}-${upstreamSpanId}-01`,
      },
      body: raw,
    });
    expect(response.status).toBe(200);
    await pollUntil(() => system.fake.accepted().some((r) => r.body.to === phone), { message: 'the reply at the Cloud API' });

    const inTrace = () => receiver.spans().filter((s) => s.traceId === traceId);
    const find = (spans: ReceivedSpan[], service: string, kind: ReceivedSpan['kind'], name: RegExp, parent?: ReceivedSpan) =>
      spans.find(
        (s) => s.service === service && s.kind === kind && name.test(s.name) && (parent === undefined || s.parentSpanId === parent.spanId),
      );
    // The last hop: the engine handling the send result, under the sender's publish of it.
    const spans = await pollUntil(
      () => {
        const all = inTrace();
        return all.some((s) => s.service === 'conversation-engine' && s.kind === 'consumer' && /send/.test(s.name)) ? all : undefined;
      },
      { timeoutMs: 20_000, message: 'the trace to reach the delivery result' },
    );

    const server = find(spans, 'webhook-gateway', 'server', /^POST \/api\/webhook\/whatsapp$/);
    expect(server, 'gateway SERVER span').toBeDefined();
    expect(server!.parentSpanId).toBe(upstreamSpanId);
    expect(server!.attributes['http.response.status_code']).toBe(200);

    const published = find(spans, 'webhook-gateway', 'producer', /^publish /, server);
    expect(published, 'gateway PRODUCER span under the SERVER span').toBeDefined();
    expect(published!.attributes['messaging.system']).toBe('nats');

    const processed = find(spans, 'conversation-engine', 'consumer', /^process /, published);
    expect(processed, 'engine CONSUMER span under the publish').toBeDefined();
    expect(processed!.failed).toBe(false);

    // The reply's outbox row stored the event's context, in the insert that wrote it.
    const db = new pg.Client({ connectionString: testInfra.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ trace_context: { traceparent: string } | null }>(
        `select o.trace_context from ${system.engineSchema}.outbox o join ${system.engineSchema}.conversations c on c.id = o.conversation_id
         where c.phone_number = $1 and o.kind = 'send'`,
        [phone],
      );
      expect(rows.map((r) => r.trace_context?.traceparent)).toEqual([`00-${traceId}-${processed!.spanId}-01`]);
    } finally {
      await db.end();
    }

    const queued = find(spans, 'conversation-engine', 'producer', /^publish send-message$/, processed);
    expect(queued, 'engine PRODUCER span (outbox row -> BullMQ) under the event').toBeDefined();

    const job = find(spans, 'whatsapp-sender', 'consumer', /^process send-message$/, queued);
    expect(job, 'sender CONSUMER span under the enqueue').toBeDefined();
    expect(job!.attributes['app.send.decision']).toBe('completed');

    const call = find(spans, 'whatsapp-sender', 'client', /^POST$/, job);
    expect(call, 'Cloud API CLIENT span under the job').toBeDefined();
    expect(call!.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.response.status_code': 200 });
    expect(String(call!.attributes['url.full'])).toMatch(/\/v25\.0\/100000000000001\/messages$/);
    expect(call!.failed).toBe(false);

    const result = find(spans, 'whatsapp-sender', 'producer', /^publish /, job);
    expect(result, 'sender PRODUCER span of the send result under the job').toBeDefined();
    const delivered = find(spans, 'conversation-engine', 'consumer', /^process /, result);
    expect(delivered, 'engine CONSUMER span of the send result under its publish').toBeDefined();
  });

  it("marks the Cloud API span failed with Meta's error code when a send is refused", async () => {
    const phone = newPhone();
    system.fake.scriptFor(phone, { kind: 'error', status: 400, code: 131026, title: 'Message undeliverable' });
    const raw = JSON.stringify(buildInboundWebhook({ messages: [buildTextMessage({ from: phone })] }));
    const response = await fetch(`${system.url('webhook-gateway')}/api/webhook/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(raw, SYSTEM_APP_SECRET) },
      body: raw,
    });
    expect(response.status).toBe(200);
    const call = await pollUntil(
      () =>
        receiver
          .spans()
          .find((s) => s.service === 'whatsapp-sender' && s.kind === 'client' && s.attributes['whatsapp.error.code'] === 131026),
      { timeoutMs: 20_000, message: 'the failed Cloud API span' },
    );
    expect(call).toMatchObject({ failed: true, attributes: { 'http.response.status_code': 400 } });
    // A webhook without a traceparent starts a trace of its own at the gateway, which the send joins.
    const root = receiver.spans().find((s) => s.traceId === call.traceId && s.service === 'webhook-gateway' && s.kind === 'server');
    expect(root?.parentSpanId).toBeUndefined();
  });
});
