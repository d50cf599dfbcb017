// The baseline's settings, passed by the bench as environment variables (each baseline process reads them
// here, once). No app imports: the baseline is bundled and run on plain node.
const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

export const baselineEnv = () => ({
  port: Number(process.env.BASELINE_PORT ?? 0),
  natsUrl: required('NATS_URL'),
  databaseUrl: required('DATABASE_URL'),
  redisUrl: required('REDIS_URL'),
  stream: required('BASELINE_STREAM'),
  subject: required('BASELINE_SUBJECT'),
  consumer: required('BASELINE_CONSUMER'),
  queue: required('BASELINE_QUEUE'),
  schema: required('BASELINE_SCHEMA'),
  appSecret: required('WHATSAPP_APP_SECRET'),
  cloudApiUrl: required('CLOUD_API_MESSAGES_URL'),
  accessToken: required('WHATSAPP_ACCESS_TOKEN'),
  /** Transactions in flight at once in the consumer (the product has one per partition: 16). */
  consumerConcurrency: Number(process.env.BASELINE_CONSUMER_CONCURRENCY ?? 16),
  /** Cloud API calls in flight at once in the worker (the product's SENDER_CONCURRENCY default). */
  workerConcurrency: Number(process.env.BASELINE_WORKER_CONCURRENCY ?? 8),
});

/** Runs `close` once on SIGTERM/SIGINT, then exits; a close that hangs is cut off after 5 s. */
export function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), 5_000).unref();
    void close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

export const ready = (what: string) => process.stdout.write(`ready: ${what}\n`);

/** Failures go to the process's log file (the bench points there when a step goes wrong). */
export const logFailure = (what: string, error: unknown) =>
  process.stderr.write(`${new Date().toISOString()} ${what}: ${error instanceof Error ? error.message : String(error)}\n`);
