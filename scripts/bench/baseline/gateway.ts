// Baseline gateway: verify the HMAC over the raw body, publish each message to JetStream with msgID = wamid,
// answer 200 after every PubAck.
import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { baselineEnv, logFailure, onShutdown, ready } from './env';

interface Payload {
  entry?: { changes?: { value?: { messages?: { id?: string; from?: string; timestamp?: string; text?: { body?: string } }[] } }[] }[];
}

const env = baselineEnv();
const nc = await connect({ servers: env.natsUrl });
const js = jetstream(nc);

const validSignature = (raw: Buffer, header: string | undefined) => {
  if (!header?.startsWith('sha256=')) return false;
  const expected = Buffer.from(createHmac('sha256', env.appSecret).update(raw).digest('hex'));
  const given = Buffer.from(header.slice('sha256='.length));
  return given.length === expected.length && timingSafeEqual(given, expected);
};

const app = express();
app.get('/readyz', (_req, res) => {
  res.status(nc.isClosed() ? 503 : 200).json({ status: nc.isClosed() ? 'down' : 'ok' });
});
app.post('/api/webhook/whatsapp', express.raw({ type: () => true, limit: 5 * 1024 * 1024 }), async (req, res) => {
  const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (!validSignature(raw, req.header('x-hub-signature-256'))) {
    res.status(401).json({ error: { code: 'invalid_signature' } });
    return;
  }
  let payload: Payload;
  try {
    payload = JSON.parse(raw.toString('utf8')) as Payload;
  } catch {
    res.status(400).json({ error: { code: 'invalid_payload' } });
    return;
  }
  const messages = (payload.entry ?? []).flatMap((e) => e.changes ?? []).flatMap((c) => c.value?.messages ?? []);
  try {
    await Promise.all(
      messages
        .filter((m) => m.id && m.from)
        .map((m) =>
          js.publish(env.subject, JSON.stringify({ wamid: m.id, from: m.from, text: m.text?.body ?? '', timestamp: m.timestamp }), {
            msgID: m.id as string,
          }),
        ),
    );
    res.status(200).json({ status: 'ok' });
  } catch (error) {
    logFailure('publish failed', error);
    res.status(503).json({ error: { code: 'unavailable' } });
  }
});
const server = app.listen(env.port, '127.0.0.1', () => ready(`gateway on ${env.port}`));
onShutdown(async () => {
  await new Promise((resolve) => server.close(resolve));
  await nc.drain();
});
