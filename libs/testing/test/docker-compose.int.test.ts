import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_NODE_OPTIONS } from '@app/runtime';
import { parse } from 'yaml';
import { configKeys } from './config-keys';

/*
 * No Docker engine runs here, so docker-compose.yml and the Dockerfile are checked against the code: what
 * they name must exist, and every variable a service is given must be one its config module reads.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  command?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const built = Object.entries(services).filter(([, s]) => s.build);
const dockerfile = read('deploy/docker/Dockerfile');

/** The variables a service's config module reads: the keys of its zod schemas (`SOME_KEY: ...`). */
/** What a built container runs: the bundles named in its command, or its SERVICE's main. */
function bundlesRun(s: ComposeService): string[] {
  const named = [...(s.command ?? []).join(' ').matchAll(/dist\/([a-z-]+)\/(main|migrate)\.mjs/g)].map((m) => `${m[1]}/${m[2]}`);
  return named.length > 0 ? named : [`${s.build!.args!.SERVICE}/main`];
}

describe('docker-compose.yml', () => {
  it('has Postgres, NATS with JetStream, Redis, a one-shot migration, the four services and the sandbox', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'admin-api',
        'conversation-engine',
        'migrate',
        'nats',
        'postgres',
        'redis',
        'webhook-gateway',
        'whatsapp-sandbox',
        'whatsapp-sender',
      ].sort(),
    );
    expect(services.nats!.command).toContain('-js');
    expect(services.migrate!.command!.join(' ')).toBe('sh -c node dist/conversation-engine/migrate.mjs && node dist/admin-api/migrate.mjs');
  });

  it('builds only from the Dockerfile that exists, with a SERVICE it declares, naming services and bundles that exist', () => {
    expect(dockerfile).toMatch(/^ARG SERVICE$/m);
    for (const [name, s] of built) {
      expect(s.build!.context, name).toBe('.');
      expect(existsSync(path.join(ROOT, s.build!.dockerfile)), name).toBe(true);
      expect(Object.keys(s.build!.args ?? {}), name).toEqual(['SERVICE']);
      for (const bundle of bundlesRun(s))
        expect(existsSync(path.join(ROOT, 'services', `${bundle}.ts`.replace('/', '/src/'))), `${name}: ${bundle}`).toBe(true);
    }
  });

  it('gives each service only variables its config module reads, its contract port in its own port variable, and a health check on it', () => {
    const PORTS: Record<string, [string, string]> = {
      'webhook-gateway': ['WEBHOOK_GATEWAY_PORT', '8081'],
      'conversation-engine': ['CONVERSATION_ENGINE_PORT', '8082'],
      'whatsapp-sender': ['WHATSAPP_SENDER_PORT', '8083'],
      'admin-api': ['ADMIN_API_PORT', '8080'],
      'whatsapp-sandbox': ['WHATSAPP_SANDBOX_PORT', '8090'],
    };
    for (const [name, s] of built) {
      const readers = [...new Set(bundlesRun(s).map((b) => b.split('/')[0]!))];
      const known = new Set(readers.flatMap((service) => [...configKeys(service)]));
      expect(
        Object.keys(s.environment ?? {}).filter((key) => !known.has(key)),
        `${name} sets variables no config reads`,
      ).toEqual([]);
      if (name === 'migrate') continue;
      const [variable, port] = PORTS[name]!;
      expect(configKeys(name).has(variable), name).toBe(true);
      expect(s.environment![variable], name).toBe(port);
      expect(s.healthcheck!.test.join(' '), name).toContain(`http://127.0.0.1:${port}/readyz`);
      for (const mapping of s.ports ?? []) expect(mapping.split(':')[1], name).toBe(port);
    }
  });

  it('starts nothing before what it needs is healthy (or, for the migration, done)', () => {
    for (const [name, s] of Object.entries(services)) {
      if (!s.build) expect(s.healthcheck, name).toBeDefined();
      for (const [dependency, { condition }] of Object.entries(s.depends_on ?? {})) {
        expect(services[dependency], `${name} depends on ${dependency}`).toBeDefined();
        expect(condition, `${name} -> ${dependency}`).toBe(dependency === 'migrate' ? 'service_completed_successfully' : 'service_healthy');
        if (condition === 'service_healthy') expect(services[dependency]!.healthcheck, dependency).toBeDefined();
      }
    }
    for (const owner of ['conversation-engine', 'admin-api'])
      expect(services[owner]!.depends_on!.migrate).toEqual({ condition: 'service_completed_successfully' });
  });

  it('points the sender at the sandbox and the sandbox at the gateway, with one token, number and app secret', () => {
    const { 'whatsapp-sender': sender, 'whatsapp-sandbox': sandbox, 'webhook-gateway': gateway } = services;
    expect(sender!.environment!.WHATSAPP_API_BASE_URL).toBe('${WHATSAPP_API_BASE_URL:-http://whatsapp-sandbox:8090}');
    expect(sandbox!.environment!.WHATSAPP_SANDBOX_WEBHOOK_URL).toBe('http://webhook-gateway:8081/api/webhook/whatsapp');
    expect(sandbox!.environment!.WHATSAPP_ACCESS_TOKEN).toBe(sender!.environment!.WHATSAPP_ACCESS_TOKEN);
    expect(sandbox!.environment!.WHATSAPP_PHONE_NUMBER_ID).toBe(sender!.environment!.WHATSAPP_PHONE_NUMBER_ID);
    expect(sandbox!.environment!.WHATSAPP_APP_SECRET).toBe(gateway!.environment!.WHATSAPP_APP_SECRET);
    expect(sandbox!.environment!.NODE_ENV).not.toBe('production');
  });

  it("shares one media volume between the sender, which writes MEDIA_DIR, and admin-api, which reads it and deletes an erased student's files", () => {
    const mountOf = (s: ComposeService) => (s.volumes ?? []).map((v) => v.split(':')).find(([volume]) => volume === 'media');
    expect(compose.volumes).toHaveProperty('media');
    const [, senderPath] = mountOf(services['whatsapp-sender']!)!;
    expect(services['whatsapp-sender']!.environment!.MEDIA_DIR).toBe(senderPath);
    expect(mountOf(services['admin-api']!)).toEqual(['media', senderPath]);
    // The day admin-api reads MEDIA_DIR, it must be given the same path.
    if (configKeys('admin-api').has('MEDIA_DIR')) expect(services['admin-api']!.environment!.MEDIA_DIR).toBe(senderPath);
  });
});

describe('deploy/docker/Dockerfile', () => {
  it('builds with the plain npm ci and npm run build the tests also run, and runs the bundle as the non-root node user', () => {
    const runs = [...dockerfile.matchAll(/^RUN (.+)$/gm)].map((m) => m[1]);
    expect(runs).toEqual([
      'npm ci --no-audit --no-fund && npm run build',
      'npm ci --omit=dev --no-audit --no-fund --ignore-scripts',
      'mkdir -p /app/.data/media && chown -R node:node /app/.data',
    ]);
    expect((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.build).toBe('tsx scripts/build.ts');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('dist/${SERVICE}/main.mjs');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(3);
  });

  it('runs every service with the heap cap production is measured with', () => {
    expect(dockerfile).toMatch(new RegExp(`^ENV .*NODE_OPTIONS="${SERVICE_NODE_OPTIONS}"(\\s|$)`, 'm'));
  });
});
