import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDb, sql, type Kysely } from '@app/db';
import { spawnService } from '@app/runtime';
import { newNamespace, testInfra } from '@app/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { adminApiSchema } from '../src/db/schema-name';
import { migrations } from '../src/db/migrations';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const namespace = newNamespace();
const schema = adminApiSchema(namespace);
// A database of its own, so the test also sees the CLI create one.
const databaseName = `chat_support_test_${namespace}`;
const databaseUrl = Object.assign(new URL(testInfra.databaseUrl), { pathname: `/${databaseName}` }).toString();

async function migrate(env: Record<string, string>) {
  const child = spawnService({ root: ROOT, name: 'admin-api-migrate', entry: 'services/admin-api/src/migrate.ts', env, stdio: 'pipe' });
  let output = '';
  child.child.stdout?.on('data', (chunk: Buffer) => (output += String(chunk)));
  const code = await child.exited;
  const lines = output
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines };
}

let db: Kysely<Database> | undefined;

afterAll(async () => {
  await db?.destroy();
  const admin = createDb({ url: testInfra.databaseUrl, schema: 'public', max: 1 });
  await sql`drop database if exists ${sql.id(databaseName)} with (force)`.execute(admin);
  await admin.destroy();
});

describe('npm run migrate (src/migrate.ts)', () => {
  it('creates the database and the schema, logs what ran and exits 0', async () => {
    const { code, lines } = await migrate({ DATABASE_URL: databaseUrl, NAMESPACE: namespace });
    expect(code).toBe(0);
    expect(lines.map((l) => l.msg)).toEqual(['database created', 'migrations applied']);
    // Every migration file is registered, and all of them ran, in name order.
    const files = readdirSync(new URL('../src/db/migrations', import.meta.url)).filter((f) => /^\d{4}_\d{2}_\d{2}_\d{4}_.+\.ts$/.test(f));
    const names = files.map((f) => f.replace(/\.ts$/, '')).sort();
    expect(Object.keys(migrations).sort()).toEqual(names);
    expect(names.slice(0, 3)).toEqual([
      '2026_11_21_0600_create_admin_users',
      '2026_11_21_0610_create_audit_log',
      '2026_11_25_0600_add_admin_user_display_name',
    ]);
    expect(lines[1]).toMatchObject({ schema, applied: names });
  });

  it('runs nothing the second time', async () => {
    const { code, lines } = await migrate({ DATABASE_URL: databaseUrl, NAMESPACE: namespace });
    expect(code).toBe(0);
    expect(lines.at(-1)).toMatchObject({ msg: 'schema already up to date', applied: [] });
  });

  it('leaves tables that refuse an unknown role, a second account for the same email in another case and an untrimmed or overlong display name', async () => {
    const client = createDb<Database>({ url: databaseUrl, schema, max: 1 });
    db = client;
    const insert = (email: string, role: string) =>
      sql`insert into admin_users (email, password_hash, role) values (${email}, 'h', ${role})`.execute(client);
    await insert('ana@school.org', 'agent');
    await expect(insert('ANA@School.org', 'admin')).rejects.toMatchObject({ code: '23505' });
    await expect(insert('bob@school.org', 'owner')).rejects.toMatchObject({ code: '23514' });
    const name = (displayName: string) =>
      sql`insert into admin_users (email, password_hash, role, display_name) values (${`${displayName.length}@school.org`}, 'h', 'agent', ${displayName})`.execute(
        client,
      );
    await name('Ms Smith');
    for (const refused of ['', ' Ms Smith', 'x'.repeat(61)]) await expect(name(refused)).rejects.toMatchObject({ code: '23514' });
    const audit = await client
      .insertInto('audit_log')
      .values({
        actor_email: 'system',
        action: 'user.created',
        actor_id: null,
        target: null,
        details: '{"a":[1]}',
        ip: null,
        user_agent: null,
      })
      .returning(['id', 'details', 'created_at'])
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ id: expect.any(Number), details: { a: [1] }, created_at: expect.any(Date) });
  });

  it('exits non-zero when Postgres cannot be reached', async () => {
    const { code, lines } = await migrate({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/chat_support', NAMESPACE: namespace });
    expect(code).not.toBe(0);
    expect(lines.at(-1)).toMatchObject({ level: 'fatal', msg: 'migration failed' });
  });

  it('exits non-zero, listing the problem, for a bad DATABASE_URL', async () => {
    const { code, lines } = await migrate({ DATABASE_URL: 'mysql://localhost/db' });
    expect(code).not.toBe(0);
    expect(lines.at(-1)).toMatchObject({ msg: 'invalid configuration', problems: [expect.stringMatching(/^DATABASE_URL:/)] });
  });
});
