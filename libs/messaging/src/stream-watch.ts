import type { JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from '@app/logging';
import { recoveryBackoffMs, type ReadinessProbe } from './consumer-health';
import { ensureStream, isMissingResource, type StreamSpec } from './topology';

export interface StreamWatch {
  /** Wraps a publish: when it fails, the stream is checked at once (a missing stream fails every publish). */
  guard<T>(publish: Promise<T>): Promise<T>;
  /** 503 while the server says the stream is missing; each probe also looks again, and starts re-creating it. */
  readiness(name?: string): ReadinessProbe;
  stop(): Promise<void>;
}

/**
 * Keeps a stream a service publishes to (the gateway: INBOUND) in existence at runtime. Ensured at start is not
 * enough: NATS restarted without its store, or an operator deleting the stream, makes every publish fail
 * until someone re-creates it, and a gateway that only publishes would never notice. It is checked every
 * `intervalMs`, on each readiness probe and after each failed publish, and re-created with the spec it was
 * ensured with, with a bounded backoff between tries: one line when it goes missing, one when it is back.
 */
export function watchStream(opts: { jsm: JetStreamManager; spec: StreamSpec; log: Logger; intervalMs?: number }): StreamWatch {
  const { jsm, spec, log } = opts;
  let missing = false;
  let stopped = false;
  let recovering: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wakeStop: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => (wakeStop = resolve));

  const recreate = async () => {
    missing = true;
    log.warn({ stream: spec.name }, 'stream missing; re-creating it');
    for (let attempt = 0; !stopped; attempt++) {
      try {
        await ensureStream(jsm, spec);
        missing = false;
        log.info({ stream: spec.name }, 'stream re-created');
        return;
      } catch (error) {
        if (attempt === 0) log.warn({ err: error, stream: spec.name }, 'could not re-create stream; retrying');
      }
      await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, recoveryBackoffMs(attempt)))), stopping]);
      clearTimeout(timer);
    }
  };
  /**
   * Starts re-creating the stream when the server says it is gone. NATS or JetStream not answering is the
   * 'nats' check's business and the failed publish's: nothing to re-create then.
   */
  let looking = false;
  const checkQuietly = () => {
    if (missing || stopped || looking) return;
    looking = true;
    jsm.streams
      .info(spec.name)
      .then(
        () => undefined,
        (error: unknown) => {
          if (isMissingResource(error) && !stopped) recovering ??= recreate().finally(() => (recovering = undefined));
        },
      )
      .finally(() => (looking = false));
  };
  const interval = setInterval(checkQuietly, opts.intervalMs ?? 5_000);
  interval.unref();

  return {
    async guard(publish) {
      try {
        return await publish;
      } catch (error) {
        checkQuietly();
        throw error;
      }
    },
    readiness: (name = 'nats_stream') => ({
      name,
      // Answers from what is known, and looks again behind it: a probe never waits on a NATS that does not answer.
      check: async () => {
        checkQuietly();
        if (missing) throw new Error(`stream ${spec.name} missing`);
      },
    }),
    async stop() {
      stopped = true;
      clearInterval(interval);
      wakeStop();
      await recovering;
    },
  };
}
