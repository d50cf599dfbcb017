import express, { type ErrorRequestHandler } from 'express';
import { topology } from '@app/contracts';
import type { Logger } from '@app/logging';
import { connectNats, ensureStream, jetStreamClient, manager, pingNats, publishEvent, streamSpecs, watchStream } from '@app/messaging';
import { createLifecycle, createMetricsRegistry, listen, opsRouter, type Lifecycle, type RunningService } from '@app/runtime';
import type { GatewayConfig } from './config';
import { publishWebhook } from './use-cases/publish-webhook';
import { WEBHOOK_PATH, webhookRouter } from './adapters/http/webhook.route';
import { createGatewayMetrics } from './adapters/metrics';

export interface RunningGateway extends RunningService {
  port: number;
  url: string;
}

/** Starts the gateway; each client is registered with `lifecycle` as it opens (runService passes its own). */
export function startGateway(config: GatewayConfig, log: Logger, lifecycle: Lifecycle = createLifecycle(log)): Promise<RunningGateway> {
  lifecycle.setDrainMs(config.SHUTDOWN_DRAIN_MS);
  return lifecycle.boot(() => openGateway(config, log, lifecycle));
}

async function openGateway(config: GatewayConfig, log: Logger, lifecycle: Lifecycle): Promise<RunningGateway> {
  const t = topology(config.NAMESPACE);
  const nc = await connectNats(config.NATS_URL, 'webhook-gateway', log);
  // Closed after the listener: a webhook in flight still gets its publish acknowledged.
  lifecycle.onClose('nats', () => nc.drain());
  const jsm = await manager(nc);
  const { inbound } = streamSpecs(t, { replicas: config.JETSTREAM_REPLICAS });
  await ensureStream(jsm, inbound);
  // Re-created when it goes missing at runtime (a failed publish, a probe, every 5 s); /readyz is 503 meanwhile.
  const inboundStream = watchStream({ jsm, spec: inbound, log });
  lifecycle.onClose('stream watch', () => inboundStream.stop());
  const js = jetStreamClient(nc, config.WEBHOOK_PUBLISH_TIMEOUT_MS);

  const registry = createMetricsRegistry('webhook-gateway');
  const metrics = createGatewayMetrics(registry);

  const app = express();
  app.disable('x-powered-by');
  app.use(
    opsRouter({
      registry,
      checks: [{ name: 'nats', check: () => pingNats(nc) }, inboundStream.readiness()],
      isShuttingDown: lifecycle.isShuttingDown,
    }),
  );
  app.use(WEBHOOK_PATH, metrics.countResponses);
  app.use(
    webhookRouter({
      appSecret: config.WHATSAPP_APP_SECRET,
      verifyToken: config.WHATSAPP_VERIFY_TOKEN,
      maxBodyBytes: config.WEBHOOK_MAX_BODY_BYTES,
      log,
      publish: async (events) => {
        const result = await publishWebhook(
          { topology: t, publish: (subject, event) => inboundStream.guard(publishEvent(js, subject, event)) },
          events,
        );
        metrics.published(result.published);
        return result;
      },
      onOutcome: metrics.webhook,
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
  // A publish gives up after WEBHOOK_PUBLISH_TIMEOUT_MS (5 s by default), so in-flight webhooks end by then.
  lifecycle.onClose('http', () => server.close(5_000));
  log.info({ port: server.port }, 'webhook-gateway listening');
  return { port: server.port, url: server.url, stop: lifecycle.stop };
}
