// `npm start`: checks Postgres/NATS/Redis, migrates, runs every service on its contract port (and the WhatsApp
// sandbox when no real Cloud API is configured), makes sure there is an admin, prints the URLs, restarts a
// service that dies, and on Ctrl-C / SIGTERM stops them all.
import path from 'node:path';
import { DEFAULTS } from '@app/config';
import { SERVICE_NAMES, describeSupervisorEvent, serviceEntry, spawnService, superviseProcesses, waitForReady } from '@app/runtime';
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

// Supervised as in production: a service that dies is restarted with backoff (1 s doubling to 30 s, starting
// over after 60 s up) while the others keep running; one that dies 10 times in a row soon after starting is
// given up on, and then everything stops and `npm start` exits 1. On Ctrl-C / SIGTERM each process gets
// SIGTERM, then SIGKILL after 12 s (inside the contract's 15 s), and `npm start` exits 0 only when every one
// of them exited 0.
const GRACE_MS = 12_000;
const services = [
  ...SERVICE_NAMES.map((name) => ({ name, entry: serviceEntry(name), port: ports[name], env: name === 'admin-api' ? admin.env : {} })),
  ...(sandbox ? [{ name: SANDBOX.name, entry: SANDBOX.entry, port: sandbox.port, env: {} }] : []),
];
const supervisor = superviseProcesses({
  services: services.map((s) => ({
    name: s.name,
    start: () => spawnService({ root, name: s.name, entry: s.entry, env: { ...env, ...s.env } }),
  })),
  initialBackoffMs: 1_000,
  maxBackoffMs: 30_000,
  stableAfterMs: 60_000,
  maxRapidRestarts: 10,
  graceMs: GRACE_MS,
  onEvent: (event) => (event.type === 'crashed' || event.type === 'gave-up' ? console.error : console.log)(describeSupervisorEvent(event)),
});
let failedToStart = false;

function stopAll(): void {
  if (supervisor.stopping) return;
  console.log(`stopping every service (SIGTERM, then SIGKILL after ${GRACE_MS / 1_000} s)...`);
  void supervisor.stop();
}
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
void supervisor.done.then((result) => {
  const unclean = result.services.filter((s) => !s.clean).map((s) => s.name);
  if (result.gaveUpOn) console.error(`npm start: gave up on ${result.gaveUpOn}, which kept dying; exiting 1`);
  else if (failedToStart) console.error('npm start: not every service became ready; exiting 1');
  else if (unclean.length > 0) console.error(`npm start: not every service stopped cleanly (${unclean.join(', ')}); exiting 1`);
  else console.log('every service stopped cleanly');
  process.exit(result.ok && !failedToStart ? 0 : 1);
});

try {
  // A service that crashes while starting is restarted like any other; the wait ends at the deadline.
  await Promise.all(services.map((s) => waitForReady(`http://127.0.0.1:${s.port}`, 60_000, () => !supervisor.stopping)));
} catch (error) {
  if (!supervisor.stopping) {
    failedToStart = true;
    console.error(error instanceof Error ? error.message : error);
    stopAll();
  }
  await supervisor.done;
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
