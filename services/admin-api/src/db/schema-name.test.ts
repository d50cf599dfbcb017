import { describe, expect, it } from 'vitest';
import { adminApiSchema } from './schema-name';

describe('adminApiSchema', () => {
  it('is admin_api without a namespace', () => {
    expect(adminApiSchema(undefined)).toBe('admin_api');
  });

  it('prefixes the namespace, turning hyphens into underscores for Postgres', () => {
    expect(adminApiSchema('t0a1b2')).toBe('t0a1b2_admin_api');
    expect(adminApiSchema('pr-42')).toBe('pr_42_admin_api');
  });

  it('refuses a namespace that would not make a schema name', () => {
    expect(() => adminApiSchema('9lives')).toThrow(/invalid schema name/);
  });
});
