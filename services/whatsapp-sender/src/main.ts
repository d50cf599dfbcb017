import { runService } from '@app/runtime';
import { startTracing } from '@app/telemetry';
import { loadSenderConfig } from './config';
import { startSender } from './sender';

await runService('whatsapp-sender', process.env.LOG_LEVEL, async (log, lifecycle) => {
  const config = loadSenderConfig(process.env);
  // Registered first, so it closes last: the spans of the work drained before it are exported.
  const tracing = startTracing({ serviceName: 'whatsapp-sender', env: config });
  lifecycle.onClose('tracing', tracing.shutdown);
  if (tracing.enabled) log.info({ exportUrl: tracing.exportUrl }, 'tracing on');
  return startSender(config, log, {}, lifecycle);
});
