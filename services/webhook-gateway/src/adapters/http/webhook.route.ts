import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import type { Logger } from '@app/logging';
import { PayloadTooLargeError } from '@app/messaging';
import { httpServerSpan } from '@app/telemetry';
import { isValidSignature, safeEqual } from '../../domain/signature';
import { splitWebhook } from '../../domain/split-webhook';
import type { WebhookOutcome } from '../metrics';

export interface WebhookRouteDeps {
  appSecret: string;
  verifyToken: string;
  maxBodyBytes: number;
  log: Logger;
  publish: (events: Extract<ReturnType<typeof splitWebhook>, { ok: true }>['events']) => Promise<{ published: number; duplicates: number }>;
  onOutcome?: (outcome: WebhookOutcome) => void;
}

/** Meta's webhook URL path (the Ingress routes it here). */
export const WEBHOOK_PATH = '/api/webhook/whatsapp';

const errorBody = (code: string, message: string) => ({ error: { code, message } });

export function webhookRouter(deps: WebhookRouteDeps): Router {
  const router = express.Router();

  router.get(WEBHOOK_PATH, (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode === 'subscribe' && typeof token === 'string' && typeof challenge === 'string' && safeEqual(token, deps.verifyToken)) {
      deps.log.info('webhook verified');
      res.status(200).type('text/plain').send(challenge);
      return;
    }
    deps.log.warn({ mode }, 'webhook verification refused');
    res.status(403).json(errorBody('forbidden', 'verification failed'));
  });

  router.post(
    WEBHOOK_PATH,
    // The signature covers the raw bytes: parse JSON ourselves, after verifying.
    express.raw({ type: () => true, limit: deps.maxBodyBytes }),
    // After the body is read: the raw-body stream's callbacks do not run in the request's trace context, the
    // handler after this does (it publishes inside it, so each publish is a child of this SERVER span).
    httpServerSpan(WEBHOOK_PATH),
    async (req, res) => {
      const correlationId = req.header('x-request-id') ?? randomUUID();
      const log = deps.log.child({ correlationId });
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!isValidSignature(raw, req.header('x-hub-signature-256'), deps.appSecret)) {
        log.warn({ hasSignature: Boolean(req.header('x-hub-signature-256')) }, 'webhook rejected: bad signature');
        deps.onOutcome?.('bad_signature');
        res.status(401).json(errorBody('invalid_signature', 'X-Hub-Signature-256 is missing or wrong'));
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        log.warn({ bytes: raw.length }, 'webhook rejected: body is not JSON');
        deps.onOutcome?.('bad_payload');
        res.status(400).json(errorBody('invalid_payload', 'body is not JSON'));
        return;
      }
      const split = splitWebhook(body, { correlationId, now: new Date() });
      if (!split.ok) {
        log.warn({ reason: split.reason }, 'webhook rejected: not a WhatsApp payload');
        deps.onOutcome?.('bad_payload');
        res.status(400).json(errorBody('invalid_payload', split.reason));
        return;
      }
      if (split.ignoredFields.length) log.info({ fields: split.ignoredFields }, 'webhook fields ignored');
      try {
        const { published, duplicates } = await deps.publish(split.events);
        log.info({ published, duplicates }, 'webhook accepted');
        deps.onOutcome?.('accepted');
        res.status(200).json({ status: 'ok' });
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          // One event bigger than NATS takes (no real message is: a text is at most 4,096 characters).
          log.warn({ bytes: raw.length, events: split.events.length }, 'webhook rejected: an event is larger than JetStream accepts');
          deps.onOutcome?.('bad_payload');
          res.status(413).json(errorBody('payload_too_large', 'an event of this webhook is too large to store'));
          return;
        }
        log.error({ err: error }, 'webhook not stored: JetStream unavailable');
        deps.onOutcome?.('unavailable');
        res.status(503).json(errorBody('unavailable', 'could not store the webhook; retry later'));
      }
    },
  );
  return router;
}
