import express, { type ErrorRequestHandler } from 'express';
import { Counter } from 'prom-client';
import { topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import { connectNats, ensureStream, jetStreamClient, manager, pingNats, publishEvent, streamSpecs } from '@app/messaging';
import { createMetricsRegistry, listen, opsRouter, shutdown, type RunningService } from '@app/runtime';
import type { GatewayConfig } from './config';
import { publishWebhook } from './use-cases/publish-webhook';
import { webhookRouter } from './adapters/http/webhook.route';

export interface RunningGateway extends RunningService {
  port: number;
  url: string;
}

export async function startGateway(config: GatewayConfig, log: Logger): Promise<RunningGateway> {
  const t = topology(config.NAMESPACE);
  const nc = await connectNats(config.NATS_URL, 'webhook-gateway', log);
  await ensureStream(await manager(nc), streamSpecs(t).inbound);
  const js = jetStreamClient(nc, config.WEBHOOK_PUBLISH_TIMEOUT_MS);

  const registry = createMetricsRegistry('webhook-gateway');
  const webhooks = new Counter({ name: 'webhooks_total', help: 'Webhook POSTs by outcome', labelNames: ['outcome'], registers: [registry] });
  const published = new Counter({ name: 'webhook_events_published_total', help: 'Events stored in JetStream', registers: [registry] });

  let stopping = false;
  const app = express();
  app.disable('x-powered-by');
  app.use(opsRouter({ registry, checks: [{ name: 'nats', check: () => pingNats(nc) }], isShuttingDown: () => stopping }));
  app.use(
    webhookRouter({
      appSecret: config.WHATSAPP_APP_SECRET,
      verifyToken: config.WHATSAPP_VERIFY_TOKEN,
      maxBodyBytes: config.WEBHOOK_MAX_BODY_BYTES,
      log,
      publish: async (events) => {
        const result = await publishWebhook({ topology: t, publish: (subject, event) => publishEvent(js, subject, event) }, events);
        published.inc(result.published);
        return result;
      },
      onOutcome: (outcome) => webhooks.inc({ outcome }),
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'no such route' } });
  });
  const onError: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, _next) => {
    const status = error.status ?? 500;
    if (status >= 500) log.error({ err: error }, 'request failed');
    else log.warn({ type: error.type, status }, 'request rejected');
    const code = status === 413 ? 'payload_too_large' : status < 500 ? 'invalid_request' : 'internal';
    res.status(status).json({ error: { code, message: status < 500 ? 'request rejected' : 'internal error' } });
  };
  app.use(onError);

  const server = await listen(app, config.WEBHOOK_GATEWAY_PORT);
  log.info({ port: server.port }, 'webhook-gateway listening');
  return {
    port: server.port,
    url: server.url,
    stop: () => {
      stopping = true;
      return shutdown(
        [
          { name: 'nats', run: () => nc.drain() },
          { name: 'http', run: () => server.close(8_000) },
        ],
        log,
      );
    },
  };
}
