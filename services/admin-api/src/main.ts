import { runService } from '@app/runtime';
import { startAdminApi } from './admin-api';
import { bootLogLevel, loadAdminApiConfig } from './config';

await runService('admin-api', bootLogLevel(process.env), async (log, lifecycle) => {
  const { config, warnings } = loadAdminApiConfig(process.env);
  for (const warning of warnings) log.warn(warning);
  return startAdminApi(config, log, lifecycle);
});
