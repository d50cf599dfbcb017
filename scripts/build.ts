// `npm run build`: bundles each service's entry points (main and, for database owners, migrate) into
// dist/<service>/*.mjs. Workspace libs are bundled in; registry packages stay external and come from the
// image's production node_modules. Images run these files on plain Node, no TypeScript tooling. The WhatsApp
// sandbox also gets its phone page (dist/whatsapp-sandbox/page). Then the admin console is built by Vite into
// services/admin-console/dist, the static files admin-api serves at `/`.
//   npm run build -- [service...] [--outdir=<dir>]   only those services (and no console), elsewhere
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { SERVICE_NAMES } from '@app/runtime';
import { buildPageFiles } from '../services/whatsapp-sandbox/src/adapters/http/page-assets';
import { buildConsole } from './lib/console';
import { SANDBOX } from './lib/sandbox';

const root = path.resolve(import.meta.dirname, '..');
const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
// esbuild: only the sandbox's page bundler imports it, and only when run from source, never from dist.
const external = [...Object.keys(rootPackage.dependencies), 'esbuild'];
const ALL = [...SERVICE_NAMES, SANDBOX.name];

const { values, positionals } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } }, allowPositionals: true });
const unknown = positionals.filter((name) => !ALL.includes(name as (typeof ALL)[number]));
if (unknown.length > 0) {
  console.error(`unknown service(s): ${unknown.join(', ')}; known: ${ALL.join(', ')}`);
  process.exit(1);
}
const outRoot = path.resolve(root, values.outdir);

for (const service of positionals.length > 0 ? positionals : ALL) {
  const entries = ['main', 'migrate']
    .map((name) => path.join(root, 'services', service, 'src', `${name}.ts`))
    .filter((file) => existsSync(file));
  await build({
    entryPoints: entries,
    outdir: path.join(outRoot, service),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external,
    logLevel: 'warning',
  });
  if (service === SANDBOX.name) {
    const pageDir = path.join(outRoot, service, 'page');
    mkdirSync(pageDir, { recursive: true });
    for (const [name, file] of await buildPageFiles()) writeFileSync(path.join(pageDir, name), file.body);
  }
  console.log(
    `built ${path.relative(root, path.join(outRoot, service))}: ${entries.map((e) => path.basename(e, '.ts')).join(', ')}${service === SANDBOX.name ? ', page' : ''}`,
  );
}

if (positionals.length === 0) {
  buildConsole();
  console.log('built services/admin-console/dist');
}
