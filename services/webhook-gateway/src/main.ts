import { runService } from '@app/runtime';
import { startTracing } from '@app/telemetry';
import { readGatewayConfig } from './config';
import { startGateway } from './gateway';

await runService('webhook-gateway', process.env.LOG_LEVEL, (log, lifecycle) => {
  const config = readGatewayConfig(process.env);
  // Registered first, so it closes last: the spans of the work drained before it are exported.
  const tracing = startTracing({ serviceName: 'webhook-gateway', env: config });
  lifecycle.onClose('tracing', tracing.shutdown);
  if (tracing.enabled) log.info({ exportUrl: tracing.exportUrl }, 'tracing on');
  return startGateway(config, log, lifecycle);
});
