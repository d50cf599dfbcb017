import { runService } from '@app/runtime';
import { startTracing } from '@app/telemetry';
import { readEngineConfig } from './config';
import { startEngine } from './engine';

await runService('conversation-engine', process.env.LOG_LEVEL, (log, lifecycle) => {
  const config = readEngineConfig(process.env);
  // Registered first, so it closes last: the spans of the work drained before it are exported.
  const tracing = startTracing({ serviceName: 'conversation-engine', env: config });
  lifecycle.onClose('tracing', tracing.shutdown);
  if (tracing.enabled) log.info({ exportUrl: tracing.exportUrl }, 'tracing on');
  return startEngine(config, log, {}, lifecycle);
});
