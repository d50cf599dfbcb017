import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Field names whose values are secrets anywhere in a log object (pino's redact paths). */
const SECRET_PATHS = [
  'password',
  'passwordHash',
  'password_hash',
  '*.passwordHash',
  '*.password_hash',
  'token',
  'accessToken',
  'secret',
  'authorization',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.secret',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature-256"]',
  'headers.authorization',
  'config.WHATSAPP_ACCESS_TOKEN',
  'config.WHATSAPP_APP_SECRET',
  'config.JWT_SECRET',
  'config.ADMIN_PASSWORD',
];

/** Top-level fields that hold a student's phone number. */
const PHONE_FIELDS = new Set(['phone', 'phoneNumber', 'waId', 'to', 'from', 'recipient', 'recipientId']);

/** 447700900123 -> 4477*****123: enough to tell students apart in an incident, not enough to call them. */
export function maskPhone(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 7)}${value.slice(-3)}`;
}

export interface LoggerConfig {
  service: string;
  level?: string;
  /** Test and tooling hook: where the JSON lines go (defaults to stdout). */
  destination?: pino.DestinationStream;
}

export function createLogger({ service, level = 'info', destination }: LoggerConfig): Logger {
  const unmasked = level === 'debug' || level === 'trace';
  const options: LoggerOptions = {
    level,
    base: { service },
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => {
        if (unmasked) return object;
        const masked: Record<string, unknown> = { ...object };
        for (const key of Object.keys(masked)) {
          const value = masked[key];
          if (PHONE_FIELDS.has(key) && typeof value === 'string') masked[key] = maskPhone(value);
        }
        return masked;
      },
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
