import path from 'node:path';
import { ConfigError } from '@app/config';
import { describe, expect, it } from 'vitest';
import { bootLogLevel, loadAdminApiConfig, loadMigrationConfig } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadAdminApiConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const keysOf = (problems: string[]) => problems.map((p) => p.split(':')[0]).sort();

describe('admin-api config', () => {
  it('applies the contract defaults in development and warns about the random JWT secret', () => {
    const { config, warnings } = loadAdminApiConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      ADMIN_API_PORT: 8080,
      JWT_TTL_SECONDS: 3600,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/chat_support',
    });
    expect(config.JWT_SECRET).toHaveLength(64);
    expect(config.ADMIN_EMAIL).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('JWT_SECRET is not set')]);
  });

  it('looks for the console build in services/admin-console/dist of the working directory, or where ADMIN_CONSOLE_DIR says', () => {
    expect(loadAdminApiConfig({}).config.ADMIN_CONSOLE_DIR).toBe(path.resolve('services/admin-console/dist'));
    expect(loadAdminApiConfig({ ADMIN_CONSOLE_DIR: '/srv/console' }).config.ADMIN_CONSOLE_DIR).toBe('/srv/console');
  });

  it("reads media from the sender's default directory, or where MEDIA_DIR says", () => {
    expect(loadAdminApiConfig({}).config.MEDIA_DIR).toBe(path.resolve('.data/media'));
    expect(loadAdminApiConfig({ MEDIA_DIR: '/var/lib/media' }).config.MEDIA_DIR).toBe('/var/lib/media');
    expect(loadAdminApiConfig({}).config.SENDER_RPC_TIMEOUT_MS).toBe(5000);
  });

  it('reads media from an S3 bucket when MEDIA_STORE is s3, and refuses s3 without a bucket alongside other bad keys', () => {
    const env = { MEDIA_STORE: 's3', S3_BUCKET: 'school-media', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true' };
    expect(loadAdminApiConfig(env).config).toMatchObject({
      MEDIA_STORE: 's3',
      S3_BUCKET: 'school-media',
      S3_ENDPOINT: 'http://minio:9000',
      S3_FORCE_PATH_STYLE: true,
    });
    const problems = problemsOf({ MEDIA_STORE: 's3', ADMIN_API_PORT: 'eighty' });
    expect(keysOf(problems)).toEqual(['ADMIN_API_PORT', 'S3_BUCKET']);
    expect(problems).toContain('S3_BUCKET: required when MEDIA_STORE is s3');
  });

  it('defaults NATS, Redis, the engine timeout, login limits and the SSE heartbeat', () => {
    expect(loadAdminApiConfig({}).config).toMatchObject({
      NATS_URL: 'nats://127.0.0.1:4222',
      REDIS_URL: 'redis://127.0.0.1:6379',
      ENGINE_RPC_TIMEOUT_MS: 5000,
      LOGIN_MAX_FAILURES_PER_PAIR: 5,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: 20,
      LOGIN_ACCOUNT_SLOWDOWN_SECONDS: 10,
      LOGIN_MAX_FAILURES_PER_IP: 100,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      SSE_HEARTBEAT_MS: 15000,
    });
  });

  it('refuses a NATS or Redis URL of another scheme and an engine timeout that is not a positive number', () => {
    const problems = problemsOf({ NATS_URL: 'http://nats:4222', REDIS_URL: 'localhost:6379', ENGINE_RPC_TIMEOUT_MS: '0' });
    expect(keysOf(problems)).toEqual(['ENGINE_RPC_TIMEOUT_MS', 'NATS_URL', 'REDIS_URL']);
  });

  it('gives each start its own random JWT secret in development', () => {
    expect(loadAdminApiConfig({}).config.JWT_SECRET).not.toBe(loadAdminApiConfig({}).config.JWT_SECRET);
  });

  it('lists every bad key at once: production without JWT_SECRET and ADMIN_EMAIL without ADMIN_PASSWORD', () => {
    const problems = problemsOf({ NODE_ENV: 'production', ADMIN_EMAIL: 'head@school.org', ADMIN_API_PORT: 'eighty' });
    expect(keysOf(problems)).toEqual(['ADMIN_API_PORT', 'ADMIN_PASSWORD', 'JWT_SECRET']);
    expect(problems).toContain('ADMIN_PASSWORD: required when ADMIN_EMAIL is set');
  });

  it('refuses ADMIN_PASSWORD without ADMIN_EMAIL, and never echoes the password', () => {
    const problems = problemsOf({ ADMIN_PASSWORD: 'correct-horse-battery' });
    expect(problems).toEqual(['ADMIN_EMAIL: required when ADMIN_PASSWORD is set']);
    expect(problems.join('\n')).not.toContain('correct-horse');
  });

  it('refuses a short production JWT secret, a short admin password and a malformed admin email', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'short', ADMIN_EMAIL: 'nobody', ADMIN_PASSWORD: 'pw' });
    expect(keysOf(problems)).toEqual(['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'JWT_SECRET']);
  });

  it('takes ADMIN_DISPLAY_NAME trimmed, and refuses one over 60 characters or with a line break', () => {
    expect(loadAdminApiConfig({ ADMIN_DISPLAY_NAME: ' Mrs Naidoo ' }).config.ADMIN_DISPLAY_NAME).toBe('Mrs Naidoo');
    expect(loadAdminApiConfig({}).config.ADMIN_DISPLAY_NAME).toBeUndefined();
    expect(keysOf(problemsOf({ ADMIN_DISPLAY_NAME: 'x'.repeat(61) }))).toEqual(['ADMIN_DISPLAY_NAME']);
    expect(keysOf(problemsOf({ ADMIN_DISPLAY_NAME: 'Mrs\nNaidoo' }))).toEqual(['ADMIN_DISPLAY_NAME']);
  });

  it('accepts a complete production configuration without warnings', () => {
    const { config, warnings } = loadAdminApiConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'k3F9x2Qm7Lp0Zr8Vt5Ws1Yb6Nc4Hd-Jg',
      ADMIN_EMAIL: 'head@school.org',
      ADMIN_PASSWORD: 'long enough password',
      ADMIN_API_PORT: '0',
      JWT_TTL_SECONDS: '900',
      NAMESPACE: 'staging',
    });
    expect(config).toMatchObject({ ADMIN_API_PORT: 0, JWT_TTL_SECONDS: 900, NAMESPACE: 'staging', ADMIN_EMAIL: 'head@school.org' });
    expect(warnings).toEqual([]);
  });

  it('keeps tokens short-lived: refuses a TTL over a day', () => {
    expect(keysOf(problemsOf({ JWT_TTL_SECONDS: String(7 * 86_400) }))).toEqual(['JWT_TTL_SECONDS']);
  });

  it('refuses a namespace that cannot prefix a Postgres schema name', () => {
    expect(keysOf(problemsOf({ NAMESPACE: '1st' }))).toEqual(['NAMESPACE']);
  });

  it('reads only the database settings for migrations', () => {
    const config = loadMigrationConfig({ NODE_ENV: 'production', NAMESPACE: 'ci' });
    expect(config).toEqual({ LOG_LEVEL: 'info', NAMESPACE: 'ci', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/chat_support' });
  });

  it('falls back to info for the boot logger when LOG_LEVEL is unusable', () => {
    expect(bootLogLevel({ LOG_LEVEL: 'debug' })).toBe('debug');
    expect(bootLogLevel({ LOG_LEVEL: 'loud' })).toBe('info');
    expect(bootLogLevel({})).toBe('info');
  });
});

describe('admin-api config in production', () => {
  it('refuses a bootstrap password or JWT secret copied from a template or the docker-compose example', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: 'k3F9x2Qm7Lp0Zr8Vt5Ws1Yb6Nc4Hd-Jg', ADMIN_EMAIL: 'head@school.org' };
    expect(() => loadAdminApiConfig({ ...base, ADMIN_PASSWORD: 'change-me-now' })).toThrow(/ADMIN_PASSWORD/);
    expect(() =>
      loadAdminApiConfig({ ...base, ADMIN_PASSWORD: 'long enough password', JWT_SECRET: 'CHANGE_ME_TO_AT_LEAST_32_RANDOM_CHARACTERS' }),
    ).toThrow(/JWT_SECRET/);
  });
});
