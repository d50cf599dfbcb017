import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

const REDACTED = '[redacted]';

/**
 * Keys whose values are secrets at any depth of a log object, inside arrays and in an Error's own
 * properties. Matched after normalising the key (lower case, separators dropped), so `passwordHash`,
 * `password_hash`, `Authorization`, `X-Hub-Signature-256` and `WHATSAPP_ACCESS_TOKEN` all match.
 */
const SECRET_KEYS = new Set(
  [
    'password',
    'passwordHash',
    'token',
    'accessToken',
    'refreshToken',
    'secret',
    'authorization',
    'cookie',
    'set-cookie',
    'x-hub-signature-256',
    'WHATSAPP_ACCESS_TOKEN',
    'WHATSAPP_APP_SECRET',
    'WHATSAPP_VERIFY_TOKEN',
    'JWT_SECRET',
    'ADMIN_PASSWORD',
  ].map(normaliseKey),
);

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const isSecretKey = (key: string): boolean => SECRET_KEYS.has(normaliseKey(key));

/** Past these bounds the walker stops descending and says so rather than risk writing a secret it did not see. */
const MAX_DEPTH = 12;
const MAX_NODES = 5_000;
const TRUNCATED = '[truncated]';

interface Walk {
  nodes: number;
  ancestors: Set<object>;
}

function isWalkable(value: object): boolean {
  if (Array.isArray(value) || value instanceof Error) return true;
  if (ArrayBuffer.isView(value) || value instanceof Date || value instanceof Map || value instanceof Set) return false;
  // A class with its own toJSON decides its serialised shape; its fields are not what gets written.
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * Copy-on-write: returns the value itself when nothing under it needs redacting, so a log call without
 * secrets allocates nothing; only the objects on the path to a secret are copied.
 */
function redactValue(value: unknown, depth: number, walk: Walk): unknown {
  if (value === null || typeof value !== 'object' || !isWalkable(value)) return value;
  // A cycle is cut here: handing pino the original would write it, secrets and all, under a redacted copy.
  if (walk.ancestors.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH || walk.nodes >= MAX_NODES) return TRUNCATED;
  walk.nodes++;
  walk.ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const next = redactValue(value[i], depth + 1, walk);
        if (next !== value[i]) (copy ??= value.slice())[i] = next;
      }
      return copy ?? value;
    }
    if (value instanceof Error) return redactError(value, depth, walk);
    let copy: Record<string, unknown> | undefined;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const current = record[key];
      const next = isSecretKey(key) ? REDACTED : redactValue(current, depth + 1, walk);
      if (next !== current) (copy ??= { ...record })[key] = next;
    }
    return copy ?? value;
  } finally {
    walk.ancestors.delete(value);
  }
}

/**
 * An Error is copied into an Error of the same prototype, so pino's err serializer still writes its type,
 * message (with causes) and stack; only its own enumerable properties and AggregateError's `errors` change.
 */
function redactError(error: Error, depth: number, walk: Walk): Error {
  const changes = new Map<string, unknown>();
  const keys = Object.keys(error);
  if (Array.isArray((error as { errors?: unknown }).errors) && !keys.includes('errors')) keys.push('errors');
  for (const key of keys) {
    const current = (error as unknown as Record<string, unknown>)[key];
    const next = isSecretKey(key) ? REDACTED : redactValue(current, depth + 1, walk);
    if (next !== current) changes.set(key, next);
  }
  if (!changes.size) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (!descriptor) continue;
    if (typeof key === 'string' && changes.has(key)) {
      Object.defineProperty(copy, key, { value: changes.get(key), enumerable: descriptor.enumerable, configurable: true, writable: true });
    } else if (descriptor.get) {
      // Node 22+ makes `stack` an accessor that reads the receiver's internal slot, which a copy lacks: the
      // value is read from the original and kept as a plain property.
      const value: unknown = Reflect.get(error, key);
      Object.defineProperty(copy, key, { value, enumerable: descriptor.enumerable, configurable: true, writable: true });
    } else {
      Object.defineProperty(copy, key, descriptor);
    }
  }
  return copy;
}

/** Redacts secret-named keys at any depth (see SECRET_KEYS); exported for tests and tooling. */
export function redactSecrets<T>(value: T): T {
  return redactValue(value, 0, { nodes: 0, ancestors: new Set() }) as T;
}

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
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => {
        const redacted = redactSecrets(object);
        if (unmasked) return redacted;
        let masked: Record<string, unknown> | undefined;
        for (const key of Object.keys(redacted)) {
          const value = redacted[key];
          if (PHONE_FIELDS.has(key) && typeof value === 'string') (masked ??= { ...redacted })[key] = maskPhone(value);
        }
        return masked ?? redacted;
      },
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const logger = destination ? pino(options, destination) : pino(options);
  // pino drops the bindings formatter for children (and redact paths would only cover known paths), so
  // child bindings are redacted here; every child inherits this method through its prototype.
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, childOptions) {
    return child.call(this, redactSecrets(bindings), childOptions);
  } as Logger['child'];
  return logger;
}
