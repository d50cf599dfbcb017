import { runService } from '@app/runtime';
import { loadSandboxConfig } from './config';
import { startSandbox } from './sandbox';

await runService('whatsapp-sandbox', process.env.LOG_LEVEL, async (log, lifecycle) =>
  startSandbox(loadSandboxConfig(process.env), log, {}, lifecycle),
);
