import { runService } from '@app/runtime';
import { loadSenderConfig } from './config';
import { startSender } from './sender';

await runService('whatsapp-sender', process.env.LOG_LEVEL, async (log, lifecycle) => startSender(loadSenderConfig(process.env), log, {}, lifecycle));
