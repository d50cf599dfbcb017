import express from 'express';
import type { Logger } from '@app/logging';
import {
  createLifecycle,
  createMetricsRegistry,
  listen,
  opsRouter,
  type Lifecycle,
  type RunningServer,
  type RunningService,
} from '@app/runtime';
import { mountCloudApi, newBusinessScopedUserId, newInboundWamid, type CloudApiDouble } from '@app/whatsapp-double';
import { createChatStore } from './adapters/chat.store';
import { createPhoneEvents } from './adapters/http/phone-events';
import { phoneRoutes } from './adapters/http/phone.routes';
import { loadPageFiles, pageRoutes } from './adapters/http/page-assets';
import { createWebhookDelivery, type WebhookDelivery } from './adapters/webhook-delivery';
import type { SandboxConfig } from './config';
import { businessMarkedRead, businessSent } from './use-cases/phone';
import type { ChatStore, PhoneDeps } from './use-cases/ports';

export interface RunningSandbox extends RunningService {
  port: number;
  url: string;
  /** The Cloud API core: the same double the tests use (records, scripting, media). */
  api: CloudApiDouble;
  store: ChatStore;
  webhooks: WebhookDelivery;
  deps: PhoneDeps;
}

const WABA_ID = '100000000000000';

/** The WhatsApp sandbox: the Cloud API double at `/{version}/...` and a phone page at `/` on one port. */
export function startSandbox(
  config: SandboxConfig,
  log: Logger,
  opts: { retryDelaysMs?: number[] } = {},
  lifecycle: Lifecycle = createLifecycle(log),
): Promise<RunningSandbox> {
  lifecycle.setDrainMs(config.SHUTDOWN_DRAIN_MS);
  return lifecycle.boot(() => openSandbox(config, log, opts, lifecycle));
}

async function openSandbox(
  config: SandboxConfig,
  log: Logger,
  opts: { retryDelaysMs?: number[] },
  lifecycle: Lifecycle,
): Promise<RunningSandbox> {
  // Close steps run last registered first: pending deliveries, then the phone pages' event streams (which
  // would hold the listener open), then the listener, registered first although it opens last.
  let server: RunningServer | undefined = undefined;
  lifecycle.onClose('http', () => server?.close(2_000));
  const timers = new Set<NodeJS.Timeout>();
  const store = createChatStore();
  const events = createPhoneEvents(store);
  lifecycle.onClose('events', () => events.close());
  const webhooks = createWebhookDelivery({ url: config.WHATSAPP_SANDBOX_WEBHOOK_URL, appSecret: config.WHATSAPP_APP_SECRET, log, ...opts });
  lifecycle.onClose('timers', () => {
    timers.forEach(clearTimeout);
    webhooks.stop();
  });
  const business = {
    phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
    displayPhoneNumber: config.WHATSAPP_SANDBOX_DISPLAY_NUMBER,
    wabaId: WABA_ID,
  };
  const deps: PhoneDeps = {
    store,
    business,
    deliver: webhooks.deliver,
    schedule: (ms, work) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        work();
      }, ms);
      timers.add(timer);
    },
    typing: events.typing,
    delays: {
      sentMs: config.WHATSAPP_SANDBOX_SENT_DELAY_MS,
      deliveredMs: config.WHATSAPP_SANDBOX_DELIVERED_DELAY_MS,
      readMs: config.WHATSAPP_SANDBOX_READ_DELAY_MS,
    },
    now: Date.now,
    newWamid: newInboundWamid,
    newUserId: () => newBusinessScopedUserId(),
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(opsRouter({ registry: createMetricsRegistry('whatsapp-sandbox'), checks: [], isShuttingDown: lifecycle.isShuttingDown }));
  app.get('/phone/api/info', (_req, res) => {
    res.json({
      business: { name: config.WHATSAPP_SANDBOX_BUSINESS_NAME, display_phone_number: business.displayPhoneNumber },
      webhook_url: config.WHATSAPP_SANDBOX_WEBHOOK_URL,
    });
  });
  const api = mountCloudApi(app, {
    token: config.WHATSAPP_ACCESS_TOKEN,
    phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
    verifiedName: config.WHATSAPP_SANDBOX_BUSINESS_NAME,
    displayPhoneNumber: business.displayPhoneNumber,
    maxRecorded: 1_000,
  });
  api.onAccepted((request) => (request.body.status === 'read' ? businessMarkedRead(deps, request) : businessSent(deps, request)));
  app.use(phoneRoutes(deps, events, api));
  app.use(pageRoutes(await loadPageFiles()));

  const running = await listen(app, config.WHATSAPP_SANDBOX_PORT);
  server = running;
  log.info({ port: running.port, webhookUrl: config.WHATSAPP_SANDBOX_WEBHOOK_URL }, 'whatsapp-sandbox listening');
  return { port: running.port, url: running.url, api, store, webhooks, deps, stop: lifecycle.stop };
}
