// `npm start`: checks Postgres/NATS/Redis, migrates, runs every service on its contract port (and the WhatsApp
// sandbox when no real Cloud API is configured), makes sure there is an admin, prints the URLs, and on
// Ctrl-C / SIGTERM stops them all (each gets SIGTERM, then SIGKILL if still there after 12 s).
import path from 'node:path';
import { DEFAULTS } from '@app/config';
import { SERVICE_NAMES, serviceEntry, spawnService, waitForReady, type ServiceProcess } from '@app/runtime';
import { migrateAll } from './db-migrate';
import { describeAdmin, planAdmin } from './lib/admin-account';
import { buildConsole, consoleBuilt } from './lib/console';
import { checkInfrastructure } from './lib/infra';
import { SANDBOX, sandboxPlan } from './lib/sandbox';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env };

const ports: Record<(typeof SERVICE_NAMES)[number], number> = {
  'admin-api': Number(env.ADMIN_API_PORT || DEFAULTS.ports.adminApi),
  'webhook-gateway': Number(env.WEBHOOK_GATEWAY_PORT || DEFAULTS.ports.webhookGateway),
  'conversation-engine': Number(env.CONVERSATION_ENGINE_PORT || DEFAULTS.ports.conversationEngine),
  'whatsapp-sender': Number(env.WHATSAPP_SENDER_PORT || DEFAULTS.ports.whatsappSender),
};
const sandbox = sandboxPlan(env, ports['webhook-gateway']);

const problems = await checkInfrastructure(env);
if (problems.length > 0) {
  console.error(`Cannot start: ${problems.join(' ')}`);
  process.exit(1);
}
if (!(await migrateAll(env))) process.exit(1);
if (!consoleBuilt()) {
  // admin-api serves the console's built files; a fresh checkout has none yet (`npm run build` makes them too).
  console.log('building the admin console (services/admin-console/dist)...');
  buildConsole();
}
// Only admin-api sees the admin's password: it is in no other process's environment.
const admin = await planAdmin(env);
delete env.ADMIN_EMAIL;
delete env.ADMIN_PASSWORD;

const running: { name: string; url: string; process: ServiceProcess }[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('stopping every service...');
    await Promise.all(running.map((r) => r.process.stop(12_000)));
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

function launch(name: string, entry: string, port: number, extraEnv: Record<string, string> = {}) {
  const child = spawnService({ root, name, entry, env: { ...env, ...extraEnv } });
  running.push({ name, url: `http://127.0.0.1:${port}`, process: child });
  void child.exited.then((code) => {
    if (!stopping) {
      console.error(`${name} exited unexpectedly (${code}); stopping the others`);
      void stopAll(1);
    }
  });
}

for (const name of SERVICE_NAMES) launch(name, serviceEntry(name), ports[name], name === 'admin-api' ? admin.env : {});
if (sandbox) launch(SANDBOX.name, SANDBOX.entry, sandbox.port);

try {
  await Promise.all(running.map((r) => waitForReady(r.url, 60_000, () => r.process.child.exitCode === null)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
}

const adminApi = `http://localhost:${ports['admin-api']}`;
const whatsapp = sandbox
  ? `  WhatsApp sandbox      http://localhost:${sandbox.port}/   a student's phone: chat with the bot, no Meta account needed`
  : `  WhatsApp Cloud API    ${env.WHATSAPP_API_BASE_URL}   (the sandbox is off: WHATSAPP_API_BASE_URL is set)`;
console.log(`
The school chat-support platform is running:
  admin console         ${adminApi}/
${whatsapp}
  API docs (OpenAPI)    ${adminApi}/api/admin/openapi.json   (send the token of POST /api/admin/auth/login)

  ${await describeAdmin(env, admin)}

  WhatsApp webhook      http://localhost:${ports['webhook-gateway']}/api/webhook/whatsapp
  conversation-engine   http://localhost:${ports['conversation-engine']}/readyz
  whatsapp-sender       http://localhost:${ports['whatsapp-sender']}/readyz
Press Ctrl-C to stop.`);
