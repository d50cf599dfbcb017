import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { DELIVERY_FAILURE_REASONS, pauseReasonSchema } from '@app/contracts';
import type { SendErrorClass } from '../domain/send-error';
import type { PauseRecord, SendMetrics } from '../use-cases/ports';

export interface SenderMetrics extends SendMetrics {
  observeCloudApi(seconds: number, status: string): void;
}

/**
 * The `code` label: the code itself when it is one of the classified ones (libs/contracts
 * DELIVERY_FAILURE_REASONS: Meta's codes we act on, and 0 for no answer at all), else `other`. A bounded set,
 * whatever Meta or a proxy in between answers.
 */
export function errorCodeLabel(code: number): string {
  return Object.hasOwn(DELIVERY_FAILURE_REASONS, code) ? String(code) : 'other';
}

/**
 * `pauseState` is read from Redis at each scrape, so every replica reports the same pause, whichever of
 * them paused or resumed.
 */
export function createSenderMetrics(registry: Registry, pauseState: () => Promise<PauseRecord | undefined>): SenderMetrics {
  const attempts = new Counter({
    name: 'whatsapp_sender_send_attempts_total',
    help: 'Cloud API send and mark-read attempts by outcome (accepted, retrying, throttled, paused, failed) and error class',
    labelNames: ['outcome', 'error_class'] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'whatsapp_sender_send_errors_total',
    help: "Send and mark-read attempts that got an error, by its code (Meta's when classified, 0: no answer, else other) and outcome (failed: for good; retrying, throttled, paused)",
    labelNames: ['outcome', 'code'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'whatsapp_sender_cloud_api_request_duration_seconds',
    help: 'Duration of Cloud API send requests by answer status class',
    labelNames: ['status'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });
  const pauses = new Counter({
    name: 'whatsapp_sender_pauses_total',
    help: 'Times sending was paused, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const media = new Counter({
    name: 'whatsapp_sender_media_downloads_total',
    help: 'Media download attempts by outcome (downloaded, retrying, paused, failed) and reason',
    labelNames: ['outcome', 'reason'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'whatsapp_sender_paused',
    help: '1 while sending is paused for every replica, by reason (token_invalid: the access token is refused)',
    labelNames: ['reason'] as const,
    registers: [registry],
    async collect() {
      let state: PauseRecord | undefined;
      try {
        state = await pauseState();
      } catch {
        return; // Redis unreachable: keep the last known values rather than report "not paused"
      }
      for (const reason of pauseReasonSchema.options) this.set({ reason }, state?.reason === reason ? 1 : 0);
    },
  });
  return {
    attemptSettled(outcome, errorClass?: SendErrorClass, code?: number) {
      attempts.inc({ outcome, error_class: errorClass ?? 'none' });
      if (code !== undefined) errors.inc({ outcome, code: errorCodeLabel(code) });
    },
    paused(reason) {
      pauses.inc({ reason });
    },
    mediaSettled(outcome, reason) {
      media.inc({ outcome, reason: reason ?? 'none' });
    },
    observeCloudApi(seconds, status) {
      latency.observe({ status }, seconds);
    },
  };
}
