import type { Logger } from '@app/logging';
import { postSignedWebhook } from '@app/whatsapp-double';
import type { DeliveryOutcome } from '../use-cases/ports';

export interface WebhookDelivery {
  /** Delivers `payload` after every earlier delivery with the same key (one student's events stay in order). */
  deliver(key: string, payload: unknown): Promise<DeliveryOutcome>;
  /** Every delivery answered 2xx or given up, in arrival order (what tests and the page's details read). */
  log: { at: number; key: string; status: number | 'error'; payload: unknown }[];
  stop(): void;
}

/**
 * Signed webhook POSTs to the gateway, the way Meta sends them: the raw JSON with X-Hub-Signature-256, and
 * again after a failure (Meta retries for up to 7 days; a sandbox gives up after `retryDelaysMs`, and the
 * phone shows the message as not delivered). A 2xx is success; anything else, or no answer, is retried.
 */
export function createWebhookDelivery(opts: {
  url: string;
  appSecret: string;
  log: Logger;
  retryDelaysMs?: number[];
  maxLogged?: number;
}): WebhookDelivery {
  const retryDelays = opts.retryDelaysMs ?? [500, 1_000, 2_000, 4_000, 8_000];
  const chains = new Map<string, Promise<unknown>>();
  const waits = new Set<() => void>();
  const log: WebhookDelivery['log'] = [];
  let stopped = false;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waits.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waits.add(done);
    });
  const remember = (key: string, status: number | 'error', payload: unknown) => {
    log.push({ at: Date.now(), key, status, payload });
    if (log.length > (opts.maxLogged ?? 1_000)) log.shift();
  };

  async function attempt(key: string, payload: unknown): Promise<DeliveryOutcome> {
    let reason = '';
    for (let attempts = 1; attempts <= retryDelays.length + 1; attempts += 1) {
      if (stopped) return { ok: false, reason: 'the sandbox stopped', attempts: attempts - 1 };
      try {
        const status = await postSignedWebhook(opts.url, payload, opts.appSecret);
        remember(key, status, payload);
        if (status >= 200 && status < 300) return { ok: true, status, attempts };
        reason = `the gateway answered ${status}`;
      } catch (error) {
        remember(key, 'error', payload);
        reason = `the gateway did not answer (${error instanceof Error ? error.message : String(error)})`;
      }
      opts.log.warn({ url: opts.url, attempts, reason }, 'webhook not delivered; will retry');
      const next = retryDelays[attempts - 1];
      if (next === undefined) break;
      await wait(next);
    }
    opts.log.error({ url: opts.url, reason }, 'webhook given up');
    return { ok: false, reason, attempts: retryDelays.length + 1 };
  }

  return {
    log,
    deliver(key, payload) {
      const previous = chains.get(key) ?? Promise.resolve();
      const result = previous.then(() => attempt(key, payload));
      const tail = result.catch(() => undefined);
      chains.set(key, tail);
      void tail.then(() => {
        if (chains.get(key) === tail) chains.delete(key);
      });
      return result;
    },
    stop() {
      stopped = true;
      for (const done of [...waits]) done();
    },
  };
}
