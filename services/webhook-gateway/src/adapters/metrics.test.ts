import express, { type ErrorRequestHandler } from 'express';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '@app/runtime';
import { createGatewayMetrics } from './metrics';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close(100);
  server = undefined;
});

describe('webhook_responses_total', () => {
  it("counts every answer on the webhook path by status, the error middleware's 500 included", async () => {
    const registry = new Registry();
    const metrics = createGatewayMetrics(registry);
    const app = express();
    app.use('/api/webhook/whatsapp', metrics.countResponses);
    app.post('/api/webhook/whatsapp', (req, res, next) => {
      if (req.query['fail'] === 'bug') return next(new Error('a bug'));
      res.status(req.query['fail'] === 'nats' ? 503 : 200).end();
    });
    app.get('/elsewhere', (_req, res) => res.status(500).end());
    const onError: ErrorRequestHandler = (_error, _req, res, _next) => void res.status(500).end();
    app.use(onError);
    server = await listen(app, 0, '127.0.0.1');

    for (const query of ['', '?fail=nats', '?fail=bug', '?fail=bug'])
      await fetch(`${server.url}/api/webhook/whatsapp${query}`, { method: 'POST' });
    await fetch(`${server.url}/api/webhook/whatsapp`, { method: 'DELETE' });
    await fetch(`${server.url}/elsewhere`);

    const counted = (await registry.getSingleMetric('webhook_responses_total')!.get()).values.map((v) => [
      v.labels['method'],
      v.labels['status'],
      v.value,
    ]);
    expect(counted).toEqual([
      ['POST', '200', 1],
      ['POST', '503', 1],
      ['POST', '500', 2],
      ['OTHER', '404', 1],
    ]);
  });
});
