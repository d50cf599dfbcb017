export { createLogger, maskPhone, redactSecrets, type Logger } from './logger';
