import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, devDefault, fields, jwtSecret, loadConfig } from './index';

const schemaFor = (env: Record<string, string | undefined>) =>
  z.object({
    DATABASE_URL: fields.databaseUrl,
    PORT: fields.port(8080),
    WHATSAPP_APP_SECRET: devDefault(env, 'sandbox-app-secret'),
    JWT_SECRET: jwtSecret(env),
  });

describe('loadConfig', () => {
  it('applies development defaults and freezes the result', () => {
    const env = {};
    const config = loadConfig(schemaFor(env), env);
    expect(config.PORT).toBe(8080);
    expect(config.WHATSAPP_APP_SECRET).toBe('sandbox-app-secret');
    expect(config.JWT_SECRET).toHaveLength(64);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every bad key at once', () => {
    const env = { DATABASE_URL: 'mysql://x', PORT: 'eighty', NODE_ENV: 'production', JWT_SECRET: 'short' };
    const error = (() => {
      try {
        loadConfig(schemaFor(env), env);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(keys.sort()).toEqual(['DATABASE_URL', 'JWT_SECRET', 'PORT', 'WHATSAPP_APP_SECRET']);
  });

  it('never echoes a value in its error', () => {
    const env = { NODE_ENV: 'production', JWT_SECRET: 'hunter2-secret' };
    expect(() => loadConfig(schemaFor(env), env)).toThrow(ConfigError);
    try {
      loadConfig(schemaFor(env), env);
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('hunter2');
    }
  });

  it('treats empty strings as unset', () => {
    const env = { PORT: '' };
    expect(loadConfig(schemaFor(env), env).PORT).toBe(8080);
  });
});
