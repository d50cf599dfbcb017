import { runService } from '@app/runtime';
import { readEngineConfig } from './config';
import { startEngine } from './engine';

await runService('conversation-engine', process.env.LOG_LEVEL, (log, lifecycle) => startEngine(readEngineConfig(process.env), log, {}, lifecycle));
