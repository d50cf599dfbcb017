import { runService } from '@app/runtime';
import { readGatewayConfig } from './config';
import { startGateway } from './gateway';

await runService('webhook-gateway', process.env.LOG_LEVEL, (log, lifecycle) => startGateway(readGatewayConfig(process.env), log, lifecycle));
