import type { RequestHandler } from 'express';
import { Counter, type Registry } from 'prom-client';

export type WebhookOutcome = 'accepted' | 'bad_signature' | 'bad_payload' | 'unavailable';

export interface GatewayMetrics {
  /** A webhook POST decided by the route, by what became of it. */
  webhook(outcome: WebhookOutcome): void;
  /** Events stored in JetStream (one webhook carries one or many). */
  published(count: number): void;
  /**
   * Counts every answer on the webhook path by method and status, whoever wrote it: the route, the body
   * parser (413, 400 on an aborted body) or the error middleware (500). `webhooks_total` only sees what the
   * route decides, so a 500 from a bug or a failing parser would be missing from a 5xx rate built on it.
   */
  countResponses: RequestHandler;
}

export function createGatewayMetrics(registry: Registry): GatewayMetrics {
  const webhooks = new Counter({
    name: 'webhooks_total',
    help: 'Webhook POSTs by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const published = new Counter({ name: 'webhook_events_published_total', help: 'Events stored in JetStream', registers: [registry] });
  const responses = new Counter({
    name: 'webhook_responses_total',
    help: "Answers to Meta's webhook requests by method and HTTP status (5xx: Meta retries them)",
    labelNames: ['method', 'status'] as const,
    registers: [registry],
  });
  return {
    webhook: (outcome) => webhooks.inc({ outcome }),
    published: (count) => published.inc(count),
    countResponses: (req, res, next) => {
      // GET and POST are the route's; anything else is answered 404 and counted as OTHER (a bounded label).
      const method = req.method === 'GET' || req.method === 'POST' ? req.method : 'OTHER';
      res.once('finish', () => responses.inc({ method, status: String(res.statusCode) }));
      next();
    },
  };
}
