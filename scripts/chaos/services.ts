// The four services as `npm run bench` runs them (bundles from `npm run build` on plain node, productEnv),
// one replica each on a fixed port, so that a service killed with SIGKILL can be started again with the
// same command and the same environment.
import path from 'node:path';
import { freePort, serviceNodeArgs, waitForReady } from '@app/runtime';
import { runToEnd, startChild, tail, type Child } from '../bench/children';
import { PRODUCT_SERVICES, SHORT_NAMES, productEnv, type ProductOptions, type ProductService } from '../bench/product';

const PORT_VARIABLES: Record<ProductService, string> = {
  'webhook-gateway': 'WEBHOOK_GATEWAY_PORT',
  'conversation-engine': 'CONVERSATION_ENGINE_PORT',
  'whatsapp-sender': 'WHATSAPP_SENDER_PORT',
  'admin-api': 'ADMIN_API_PORT',
};

export interface Services {
  url(service: ProductService): string;
  /** SIGKILL, no grace. */
  kill(service: ProductService): Promise<void>;
  /** The same command and environment as the first start; resolves once /readyz answers. */
  restart(service: ProductService): Promise<void>;
  /** Services that died without being killed by the suite. */
  unexpectedDeaths(): string[];
  /** Starts again every service that is not running (as an orchestrator would); returns their names. */
  revive(): Promise<ProductService[]>;
  stop(): Promise<void>;
}

export async function startServices(opts: Omit<ProductOptions, 'replicas'>): Promise<Services> {
  const env = productEnv({ ...opts, replicas: { 'webhook-gateway': 1, 'conversation-engine': 1, 'whatsapp-sender': 1, 'admin-api': 1 } });
  for (const service of ['conversation-engine', 'admin-api'] as const) {
    await runToEnd(
      {
        name: `${service}-migrate`,
        role: 'migrate',
        args: [path.join(opts.buildDir, service, 'migrate.mjs')],
        env,
        cwd: opts.root,
        logDir: opts.logDir,
      },
      60_000,
    );
  }
  const ports = new Map<ProductService, number>();
  for (const service of PRODUCT_SERVICES) ports.set(service, await freePort());
  const children = new Map<ProductService, Child>();
  const killedBySuite = new Set<Child>();
  const deaths: string[] = [];
  let generation = 0;
  const launch = async (service: ProductService) => {
    const port = ports.get(service) as number;
    const child = startChild({
      name: `${SHORT_NAMES[service]}-${++generation}`,
      role: service,
      args: serviceNodeArgs(path.join(opts.buildDir, service, 'main.mjs')),
      env: { ...env, [PORT_VARIABLES[service]]: String(port) },
      cwd: opts.root,
      logDir: opts.logDir,
    });
    void child.exited.then((code) => {
      if (!killedBySuite.has(child) && !stopping) deaths.push(`${child.name} exited (${code}) on its own; log ${child.logFile}`);
    });
    children.set(service, child);
    try {
      await waitForReady(`http://127.0.0.1:${port}`, 60_000, child.alive);
    } catch (error) {
      throw new Error(`${child.name} did not get ready: ${error instanceof Error ? error.message : String(error)}\n${tail(child.logFile)}`);
    }
  };
  let stopping = false;
  // Engine first: it declares the streams and consumers the others use.
  await launch('conversation-engine');
  await Promise.all(PRODUCT_SERVICES.filter((s) => s !== 'conversation-engine').map(launch));
  return {
    url: (service) => `http://127.0.0.1:${ports.get(service)}`,
    async kill(service) {
      const child = children.get(service);
      if (!child) return;
      killedBySuite.add(child);
      child.child.kill('SIGKILL');
      await child.exited;
    },
    restart: launch,
    async revive() {
      const dead = PRODUCT_SERVICES.filter((s) => !(children.get(s)?.alive() ?? false));
      for (const service of dead) await launch(service);
      return dead;
    },
    unexpectedDeaths: () => [...deaths],
    async stop() {
      stopping = true;
      await Promise.all([...children.values()].map((c) => c.stop(12_000)));
    },
  };
}
