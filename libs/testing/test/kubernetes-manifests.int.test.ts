import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { PrometheusRule, ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { DEFAULTS, SENTINEL_DEFAULT_PORT } from '@app/config';
import { INBOUND_PARTITIONS, topology, WIRE } from '@app/contracts';
import { SERVICE_HEAP_LIMIT_MB, SERVICE_NAMES, SERVICE_NODE_OPTIONS } from '@app/runtime';
import { QueueKeys } from 'bullmq';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, PersistentVolumeClaim, Service } from 'kubernetes-models/v1';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { configKeys } from './config-keys';

/*
 * No cluster runs here, so deploy/kubernetes is checked against what the services do. Every overlay is rendered
 * by `kubectl kustomize` and every object validated against the Kubernetes, KEDA and Prometheus-operator schemas
 * (kubernetes-models); then cross-checked with the code: no Secret is ever applied, each Deployment is hardened,
 * probes the paths and ports it serves and stops inside its grace period, runs a bundle the build makes, is given
 * every variable its config requires in production, has exactly one autoscaler (KEDA's triggers name the real
 * stream, consumers and queue key), may reach exactly what its config names and nothing else, is scraped on a
 * port that exists, and is alerted on with metric names the services really export.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const DIR = path.join(ROOT, 'deploy/kubernetes');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { containerPort: number; name: string }[];
  envFrom?: { configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean } }[];
  env?: unknown[];
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: { sleep?: { seconds: number } } };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] } };
  volumeMounts?: { name: string; mountPath: string }[];
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
}
interface PodSpec {
  terminationGracePeriodSeconds?: number;
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean; seccompProfile?: { type: string } };
  containers: Container[];
  volumes?: { name: string }[];
}
interface Peer {
  namespaceSelector?: { matchLabels?: Record<string, string> };
  podSelector?: { matchLabels?: Record<string, string> };
  ipBlock?: { cidr: string; except?: string[] };
}
interface PolicyRule {
  from?: Peer[];
  to?: Peer[];
  ports?: { protocol?: string; port: number }[];
}
interface PolicySpec {
  podSelector: { matchLabels?: Record<string, string> };
  policyTypes: string[];
  ingress?: PolicyRule[];
  egress?: PolicyRule[];
}
interface Trigger {
  type: string;
  name?: string;
  metadata: Record<string, string>;
}

// --- Rendering and schemas ---------------------------------------------------------------------------------

function kubectlMissing(): string | undefined {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `kubectl (with its built-in kustomize v5) is needed to render deploy/kubernetes and was not found or failed (${String(error).split('\n')[0]}). Install it (https://kubernetes.io/docs/tasks/tools/) so that \`kubectl kustomize\` works; no cluster is used.`;
  }
}

function render(dir: string): K8sObject[] {
  const yaml = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseAllDocuments(yaml).map((doc) => {
    expect(doc.errors, dir).toEqual([]);
    return doc.toJS() as K8sObject;
  });
}

/** Every kind an overlay may render, with the schema it is validated against; any other kind fails the test. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Service': Service,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
};

const OVERLAYS = readdirSync(path.join(DIR, 'overlays')).filter((name) => statSync(path.join(DIR, 'overlays', name)).isDirectory());
const PRODUCTION = OVERLAYS.filter((name) => name.startsWith('production'));
const rendered = new Map<string, K8sObject[]>();
const objectsOf = (overlay: string) => rendered.get(overlay)!;
const ofKind = (overlay: string, kind: string) => objectsOf(overlay).filter((o) => o.kind === kind);
const named = (overlay: string, kind: string, name: string) => ofKind(overlay, kind).find((o) => o.metadata.name === name);
const podOf = (o: K8sObject) => (o.spec as { template: { spec: PodSpec } }).template.spec;

// --- What the code says ------------------------------------------------------------------------------------

/** The contract's port of each service (CONTRACT.md), by Deployment name. */
const PORTS: Record<string, number> = {
  'admin-api': DEFAULTS.ports.adminApi,
  'webhook-gateway': DEFAULTS.ports.webhookGateway,
  'conversation-engine': DEFAULTS.ports.conversationEngine,
  'whatsapp-sender': DEFAULTS.ports.whatsappSender,
};
const SERVICES = Object.keys(PORTS);

/** The variables a service's config module reads: the keys of its zod schemas (`SOME_KEY: ...`). */
type Loader = (env: Record<string, string | undefined>) => unknown;
/** Each service's own config loader: whether an environment starts it is the schema's verdict, not a guess. */
const LOADERS: Record<string, [service: string, exportName: string][]> = {
  'webhook-gateway': [['webhook-gateway', 'readGatewayConfig']],
  'conversation-engine': [['conversation-engine', 'readEngineConfig']],
  'whatsapp-sender': [['whatsapp-sender', 'loadSenderConfig']],
  'admin-api': [['admin-api', 'loadAdminApiConfig']],
  'chat-support-migrate': [
    ['conversation-engine', 'readEngineConfig'],
    ['admin-api', 'loadMigrationConfig'],
  ],
};
async function loader(service: string, exportName: string): Promise<Loader> {
  // Test-only: this reads the services' config schemas to check the manifests against them (never at run time).
  const module = (await import(/* @vite-ignore */ path.join(ROOT, 'services', service, 'src/config.ts'))) as Record<string, unknown>;
  const fn = module[exportName];
  if (typeof fn !== 'function') throw new Error(`services/${service}/src/config.ts exports no ${exportName}`);
  return fn as Loader;
}

/** Every metric the services register with prom-client, histograms with their series suffixes. */
function exportedMetrics(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? walk(path.join(dir, e.name))
        : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
          ? [path.join(dir, e.name)]
          : [],
    );
  for (const file of [
    ...SERVICES.flatMap((s) => walk(path.join(ROOT, 'services', s, 'src'))),
    ...walk(path.join(ROOT, 'libs/runtime/src')),
  ]) {
    for (const m of readFileSync(file, 'utf8').matchAll(
      /new (Counter|Gauge|Histogram|Summary)\(\{\s*name:\s*'([a-zA-Z_:][a-zA-Z0-9_:]*)'/g,
    )) {
      const [, type, name] = m as unknown as [string, string, string];
      names.add(name);
      if (type === 'Histogram' || type === 'Summary') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    }
  }
  return names;
}

/** The metric names a PromQL expression reads: identifiers outside strings, label matchers, label lists and ranges, not called. */
function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ');
  const keywords = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
  return [...stripped.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)]
    .map((m) => m[1]!)
    .filter((t) => !keywords.has(t) && !/^\d/.test(t));
}

/** The Secret's keys, from the ExternalSecret example (the one place they are listed as data). */
const externalSecret = parseAllDocuments(read('deploy/kubernetes/overlays/production/external-secret.example.yaml'))[0]!.toJS() as {
  kind: string;
  spec: { target: { name: string }; data: { secretKey: string }[] };
};
const SECRET_KEYS = externalSecret.spec.data.map((d) => d.secretKey);
/** Values shaped like real ones (random where a secret is), never a placeholder the services refuse. */
const SAMPLE_SECRETS: Record<string, string> = {
  DATABASE_URL: `postgres://chat_support:${randomBytes(12).toString('hex')}@chat-support-db-rw.postgres:5432/chat_support`,
  JWT_SECRET: randomBytes(32).toString('hex'),
  WHATSAPP_APP_SECRET: randomBytes(16).toString('hex'),
  WHATSAPP_VERIFY_TOKEN: randomBytes(16).toString('hex'),
  WHATSAPP_ACCESS_TOKEN: `EAAG${randomBytes(40).toString('base64url')}`,
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
};

/** What a container is given through envFrom: the ConfigMap's data, and the Secret's keys (with sample values). */
function environmentOf(overlay: string, container: Container, secret: 'with secret' | 'without secret'): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, named(overlay, 'ConfigMap', source.configMapRef.name)!.data);
    if (source.secretRef && secret === 'with secret') for (const key of SECRET_KEYS) env[key] = SAMPLE_SECRETS[key]!;
  }
  return env;
}

// -------------------------------------------------------------------------------------------------------------

beforeAll(() => {
  const missing = kubectlMissing();
  if (missing) throw new Error(missing);
  for (const overlay of ['base', ...OVERLAYS.map((o) => `overlays/${o}`)])
    rendered.set(overlay.replace('overlays/', ''), render(path.join(DIR, overlay)));
});

describe('deploy/kubernetes', () => {
  it('has a dev and a production overlay, and one with KEDA', () => {
    expect(OVERLAYS).toEqual(expect.arrayContaining(['dev', 'production', 'production-keda']));
  });

  it('renders every overlay into objects that validate against the Kubernetes, KEDA and Prometheus-operator schemas', () => {
    for (const overlay of rendered.keys()) {
      for (const object of objectsOf(overlay)) {
        const where = `${overlay}: ${object.kind}/${object.metadata.name}`;
        const Model = MODELS[`${object.apiVersion}/${object.kind}`];
        expect(Model, `${where} has no schema here: add one to MODELS`).toBeDefined();
        expect(() => new Model!(object as never).validate(), where).not.toThrow();
      }
    }
    // A test that cannot fail is a defect: the schemas do refuse a broken object.
    expect(() =>
      new Deployment({
        metadata: { name: 'x' },
        spec: { selector: {}, template: { spec: { containers: [{ name: 'x', ports: [{ containerPort: 'http' }] }] } } },
      } as never).validate(),
    ).toThrow();
  });

  it('applies no Secret anywhere: production references one created out of band and never overwrites it', () => {
    for (const overlay of rendered.keys()) expect(ofKind(overlay, 'Secret'), overlay).toEqual([]);
    // Nor does any file a kustomization could pick up hold Secret values (the examples are named *.example.yaml).
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(DIR).filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('.example.yaml'))) {
      expect(readFileSync(file, 'utf8'), path.relative(ROOT, file)).not.toMatch(/^kind:\s*Secret\s*$/m);
      expect(readFileSync(file, 'utf8'), path.relative(ROOT, file)).not.toMatch(/^\s*stringData:/m);
    }
    expect(externalSecret.kind).toBe('ExternalSecret');
    for (const overlay of PRODUCTION) {
      for (const deployment of ofKind(overlay, 'Deployment')) {
        const ref = podOf(deployment).containers[0]?.envFrom?.find((s) => s.secretRef)?.secretRef;
        // Required: a missing Secret keeps the pod from starting instead of starting it with dev defaults.
        expect(ref, `${overlay}: ${deployment.metadata.name}`).toEqual({ name: externalSecret.spec.target.name });
      }
    }
  });

  it('documents the Secret with the same keys as the ExternalSecret example', () => {
    const readme = read('deploy/kubernetes/README.md');
    const documented = [...readme.matchAll(/--from-literal=([A-Z_]+)=/g)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(SECRET_KEYS));
  });

  describe.each(OVERLAYS)('overlay %s', (overlay) => {
    const deployments = () => ofKind(overlay, 'Deployment');
    const deployment = (name: string) => named(overlay, 'Deployment', name)!;

    it('deploys the four services and the migration Job', () => {
      expect(
        deployments()
          .map((d) => d.metadata.name)
          .sort(),
      ).toEqual([...SERVICES].sort());
      expect(ofKind(overlay, 'Job').map((j) => j.metadata.name)).toEqual(['chat-support-migrate']);
    });

    it.each(SERVICES)('%s runs hardened: non-root, seccomp, no privilege escalation, no capabilities, read-only root', (name) => {
      const pod = podOf(deployment(name));
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of pod.containers) {
        expect(container.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        // A read-only root still needs a writable /tmp, from a volume the pod declares.
        const tmp = container.volumeMounts?.find((m) => m.mountPath === '/tmp');
        expect(tmp && pod.volumes?.some((v) => v.name === tmp.name)).toBe(true);
      }
    });

    it('runs the migration Job hardened as well, before the Deployments under Argo CD', () => {
      const job = named(overlay, 'Job', 'chat-support-migrate')!;
      const pod = podOf(job);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      for (const container of pod.containers)
        expect(container.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
      expect(job.metadata.annotations).toMatchObject({ 'argocd.argoproj.io/hook': 'Sync', 'argocd.argoproj.io/sync-wave': '-1' });
      // `kubectl apply -l chat-support.io/pre-rollout=true` must bring what the Job needs: its config and its egress.
      const preRollout = objectsOf(overlay)
        .filter((o) => o.metadata.labels?.['chat-support.io/pre-rollout'] === 'true')
        .map((o) => `${o.kind}/${o.metadata.name}`);
      expect(preRollout).toEqual(
        expect.arrayContaining([
          'ConfigMap/chat-support-config',
          'Job/chat-support-migrate',
          'NetworkPolicy/chat-support-migrate',
          'NetworkPolicy/allow-dns',
        ]),
      );
    });

    it.each(SERVICES)('%s probes the paths and port it serves, stops inside its grace period, and has a disruption budget', (name) => {
      const pod = podOf(deployment(name));
      const [container] = pod.containers;
      const port = container?.ports?.find((p) => p.containerPort === PORTS[name]);
      expect(port).toBeDefined();
      for (const [probe, pathname] of [
        ['startupProbe', '/healthz'],
        ['readinessProbe', '/readyz'],
        ['livenessProbe', '/healthz'],
      ] as const) {
        expect(container?.[probe]?.httpGet, probe).toEqual({ path: pathname, port: port?.name });
      }
      // The paths are libs/runtime's ops router, which every service mounts.
      for (const pathname of ['/healthz', '/readyz', '/metrics'])
        expect(read('libs/runtime/src/ops.ts')).toContain(`router.get('${pathname}'`);
      // preStop, then the contract's "exits within 10 s of SIGTERM" (drain included), inside the grace period.
      const preStop = container?.lifecycle?.preStop?.sleep?.seconds ?? 0;
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStop + 10);
      const budget = named(overlay, 'PodDisruptionBudget', name);
      expect(budget?.spec).toMatchObject({ maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': name } } });
    });

    it.each(SERVICES)(
      '%s runs with the heap cap it was measured with, under a memory limit with room above it, and requests CPU',
      (name) => {
        const config = named(overlay, 'ConfigMap', 'chat-support-config')!;
        expect(config.data!['NODE_OPTIONS']).toBe(SERVICE_NODE_OPTIONS);
        const mebibytes = (q: string | undefined) => Number(/^(\d+)Mi$/.exec(q ?? '')?.[1] ?? Number.NaN);
        for (const container of podOf(deployment(name)).containers) {
          const { requests, limits } = container.resources ?? {};
          // RSS measured at the ceiling stayed under 150 MB with this cap; the young generation, code and buffers sit above the old space.
          expect(mebibytes(requests?.memory)).toBeGreaterThanOrEqual(SERVICE_HEAP_LIMIT_MB + 48);
          expect(mebibytes(limits?.memory)).toBeGreaterThanOrEqual(mebibytes(requests?.memory) + 64);
          // CPU utilisation targets need a request; the figures come from docs/performance.md (base/kustomization.yaml).
          expect(requests?.cpu, name).toMatch(/^\d+m$/);
        }
      },
    );

    it("runs only bundles the build makes: each image its service main, the Job each owner's migrate", () => {
      // Compared without whitespace: the formatter decides where that expression breaks.
      const build = read('scripts/build.ts').replace(/\s+/g, '');
      expect(build).toContain("['main','migrate'].map((name)=>path.join(root,'services',service,'src',`${name}.ts`))");
      const dockerfile = read('deploy/docker/Dockerfile');
      expect(dockerfile).toContain('COPY --from=build /app/dist ./dist');
      expect(dockerfile).toContain('exec node --enable-source-maps dist/${SERVICE}/main.mjs');
      for (const workload of [...deployments(), named(overlay, 'Job', 'chat-support-migrate')!]) {
        for (const container of podOf(workload).containers) {
          const image = /^(?:.+\/)?([a-z-]+):[^:]+$/.exec(container.image)?.[1];
          expect(SERVICE_NAMES as readonly string[], container.image).toContain(image);
          const bundles = container.command
            ? [...container.command.join(' ').matchAll(/dist\/([a-z-]+)\/(main|migrate)\.mjs/g)].map((m) => [m[1]!, m[2]!] as const)
            : [[image!, 'main'] as const];
          expect(bundles.length, workload.metadata.name).toBeGreaterThan(0);
          for (const [service, entry] of bundles) {
            expect(SERVICE_NAMES as readonly string[]).toContain(service);
            expect(existsSync(path.join(ROOT, 'services', service, 'src', `${entry}.ts`)), `${service}/${entry}`).toBe(true);
          }
        }
      }
    });

    it.each([...SERVICES, 'chat-support-migrate'])(
      '%s is given every variable its config requires, and nothing its config does not read',
      async (name) => {
        const workload = named(overlay, 'Deployment', name) ?? named(overlay, 'Job', name)!;
        const [container] = podOf(workload).containers;
        expect(container!.env, 'variables come from the ConfigMap and the Secret only').toBeUndefined();
        const env = environmentOf(overlay, container!, 'with secret');
        for (const [service, exportName] of LOADERS[name]!) {
          const load = await loader(service, exportName);
          expect(() => load(env), `${overlay}: ${name} with ${service}'s ${exportName}`).not.toThrow();
        }
        if (env['NODE_ENV'] === 'production' && name !== 'conversation-engine' && name !== 'chat-support-migrate') {
          // ... and the Secret is what makes it start: without it, production refuses the development defaults.
          const withoutSecret = environmentOf(overlay, container!, 'without secret');
          const loads = await Promise.all(LOADERS[name]!.map(([service, exportName]) => loader(service, exportName)));
          expect(() => loads.forEach((load) => load(withoutSecret)), `${overlay}: ${name} without the Secret`).toThrow();
        }
        const readByAnyone = new Set([...SERVICES.flatMap((s) => [...configKeys(s)]), 'NODE_OPTIONS']);
        for (const key of Object.keys(env)) expect(readByAnyone.has(key), `${key} is read by no service`).toBe(true);
      },
    );

    it('gives each Deployment exactly one autoscaler, within what a replica can buy', () => {
      const autoscalers = [...ofKind(overlay, 'HorizontalPodAutoscaler'), ...ofKind(overlay, 'ScaledObject')];
      const targets = autoscalers.map((a) => (a.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name).sort();
      // Never two autoscalers on one Deployment (they would fight over its replica count).
      expect(targets).toEqual([...SERVICES].sort());
      const engine = autoscalers.find(
        (a) => (a.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === 'conversation-engine',
      )!;
      const max = engine.spec as { maxReplicas?: number; maxReplicaCount?: number };
      // More engine replicas than partitions gain nothing: each partition is leased to one replica.
      expect(max.maxReplicas ?? max.maxReplicaCount).toBeLessThanOrEqual(INBOUND_PARTITIONS);
    });

    it('lets each service reach exactly the dependencies its config names, behind a default deny with DNS', () => {
      const policies = ofKind(overlay, 'NetworkPolicy').map((p) => ({ name: p.metadata.name, spec: p.spec as unknown as PolicySpec }));
      const deny = policies.find((p) => p.name === 'default-deny')!.spec;
      expect(deny).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
      const dns = policies.find((p) => p.name === 'allow-dns')!.spec;
      expect(dns.podSelector).toEqual({});
      expect(dns.egress!.flatMap((r) => r.ports!.map((p) => `${p.protocol}/${p.port}`)).sort()).toEqual(['TCP/53', 'UDP/53']);
      // REDIS_SENTINELS: Sentinel's own port, to ask for the master (then reached on 6379).
      const PORT_OF = { DATABASE_URL: 5432, NATS_URL: 4222, REDIS_URL: 6379, REDIS_SENTINELS: SENTINEL_DEFAULT_PORT } as const;
      for (const name of SERVICES) {
        const mine = policies.filter((p) => p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === name).map((p) => p.spec);
        const egress = mine.flatMap((p) => p.egress ?? []);
        const keys = configKeys(name);
        const expected: number[] = Object.entries(PORT_OF)
          .filter(([key]) => keys.has(key))
          .map(([, port]) => port);
        // Only the sender talks to the Cloud API (and downloads media from Meta): HTTPS to the internet.
        if (name === 'whatsapp-sender') expected.push(443);
        expect(egress.flatMap((r) => r.ports!.map((p) => p.port)).sort(), `${name} egress`).toEqual(expected.sort());
        const internet = egress.filter((r) => r.to?.some((peer) => peer.ipBlock));
        for (const rule of internet)
          expect(
            rule.ports!.map((p) => p.port),
            `${name}: only 443 to the internet`,
          ).toEqual([443]);
        // In: the ingress controller for the two public services, Prometheus for every one, on the service's own port.
        const ingress = mine.flatMap((p) => p.ingress ?? []);
        const fromNamespace = (ns: string) =>
          ingress.filter((r) => r.from?.some((peer) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === ns));
        expect(fromNamespace('ingress-nginx').length > 0, `${name} from the ingress controller`).toBe(
          name === 'webhook-gateway' || name === 'admin-api',
        );
        expect(
          fromNamespace('monitoring').flatMap((r) => r.ports!.map((p) => p.port)),
          `${name} scraped`,
        ).toEqual([PORTS[name]]);
        expect(ingress.flatMap((r) => r.ports!.map((p) => p.port)).every((port) => port === PORTS[name])).toBe(true);
      }
    });
  });

  describe.each(PRODUCTION)('production overlay %s', (overlay) => {
    /** The Deployment a Service's selector picks, and the container port its target port names. */
    const backendOf = (serviceName: string, port: { name?: string; number?: number }) => {
      const service = named(overlay, 'Service', serviceName)!;
      const spec = service.spec as { selector?: Record<string, string>; ports: { name: string; port: number; targetPort: string }[] };
      const servicePort = spec.ports.find((p) => (port.name ? p.name === port.name : p.port === port.number))!;
      const deployment = ofKind(overlay, 'Deployment').find((d) => d.metadata.name === spec.selector?.['app.kubernetes.io/name']);
      const containerPort = deployment && podOf(deployment).containers[0]!.ports!.find((p) => p.name === servicePort.targetPort);
      return { deployment: deployment?.metadata.name, containerPort: containerPort?.containerPort };
    };

    it("routes Meta's webhook path to the gateway and everything else to admin-api, with a cert-manager certificate", () => {
      const [ingress] = ofKind(overlay, 'Ingress');
      expect(ingress!.metadata.annotations!['cert-manager.io/cluster-issuer']).toBeTruthy();
      const spec = ingress!.spec as {
        tls: { hosts: string[]; secretName: string }[];
        rules: {
          host: string;
          http: {
            paths: { path: string; pathType: string; backend: { service: { name: string; port: { name?: string; number?: number } } } }[];
          };
        }[];
      };
      expect(spec.tls.flatMap((t) => t.hosts).sort()).toEqual(spec.rules.map((r) => r.host).sort());
      const paths = spec.rules.flatMap((r) => r.http.paths);
      const webhook = paths.find((p) => p.path === '/api/webhook/whatsapp')!;
      expect(read('services/webhook-gateway/src/adapters/http/webhook.route.ts')).toContain("'/api/webhook/whatsapp'");
      expect(backendOf(webhook.backend.service.name, webhook.backend.service.port)).toEqual({
        deployment: 'webhook-gateway',
        containerPort: PORTS['webhook-gateway'],
      });
      const root = paths.find((p) => p.path === '/' && p.pathType === 'Prefix')!;
      expect(backendOf(root.backend.service.name, root.backend.service.port)).toEqual({
        deployment: 'admin-api',
        containerPort: PORTS['admin-api'],
      });
      // The operational endpoints are not published: their exact paths go to a Service with no pods.
      for (const pathname of ['/metrics', '/readyz', '/healthz']) {
        const blocked = paths.find((p) => p.path === pathname && p.pathType === 'Exact')!;
        expect(backendOf(blocked.backend.service.name, blocked.backend.service.port).deployment, pathname).toBeUndefined();
      }
    });

    it('rolls the sender out before the engine, and the engine before admin-api', () => {
      const wave = (name: string) => Number(named(overlay, 'Deployment', name)!.metadata.annotations?.['argocd.argoproj.io/sync-wave']);
      expect(wave('whatsapp-sender')).toBeLessThan(wave('conversation-engine'));
      expect(wave('conversation-engine')).toBeLessThan(wave('admin-api'));
      expect(Number(named(overlay, 'Job', 'chat-support-migrate')!.metadata.annotations!['argocd.argoproj.io/sync-wave'])).toBeLessThan(
        wave('whatsapp-sender'),
      );
    });

    it('scrapes every service with a ServiceMonitor on a Service port that reaches its /metrics', () => {
      const monitors = ofKind(overlay, 'ServiceMonitor');
      expect(monitors.map((m) => m.metadata.name).sort()).toEqual([...SERVICES].sort());
      for (const monitor of monitors) {
        const spec = monitor.spec as { selector: { matchLabels: Record<string, string> }; endpoints: { port: string; path: string }[] };
        const services = ofKind(overlay, 'Service').filter((s) =>
          Object.entries(spec.selector.matchLabels).every(([k, v]) => s.metadata.labels?.[k] === v),
        );
        expect(
          services.map((s) => s.metadata.name),
          monitor.metadata.name,
        ).toEqual([monitor.metadata.name]);
        for (const endpoint of spec.endpoints) {
          expect(endpoint.path).toBe('/metrics');
          expect(backendOf(services[0]!.metadata.name, { name: endpoint.port })).toEqual({
            deployment: monitor.metadata.name,
            containerPort: PORTS[monitor.metadata.name],
          });
        }
      }
    });

    it('alerts only on metrics the services export, on every signal asked for, each with its runbook entry', () => {
      const exported = exportedMetrics();
      expect(exported.size).toBeGreaterThan(10);
      const [rule] = ofKind(overlay, 'PrometheusRule');
      const alerts = (
        rule!.spec as { groups: { rules: { alert: string; expr: string; annotations: Record<string, string> }[] }[] }
      ).groups.flatMap((g) => g.rules);
      const operations = read('docs/operations.md');
      const anchors = new Set(
        [...operations.matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
          m[1]!
            .trim()
            .toLowerCase()
            .replace(/[^a-z0-9 -]/g, '')
            .replace(/ /g, '-'),
        ),
      );
      for (const alert of alerts) {
        const names = metricNamesIn(alert.expr);
        expect(names.length, alert.alert).toBeGreaterThan(0);
        for (const metric of names) expect(exported.has(metric), `${alert.alert} reads ${metric}, which no service exports`).toBe(true);
        const anchor = /^docs\/operations\.md#(.+)$/.exec(alert.annotations['runbook'] ?? '')?.[1];
        expect(anchor && anchors.has(anchor), `${alert.alert}: runbook ${alert.annotations['runbook']}`).toBe(true);
      }
      const used = new Set(alerts.flatMap((a) => metricNamesIn(a.expr)));
      // Outbox age, consumer lag (its growth), parked events, failing sends and their codes, the pause after 190,
      // the webhook 5xx rate, what the services cannot reach.
      for (const metric of [
        'engine_outbox_oldest_open_seconds',
        'engine_messages_settled_total',
        'webhook_events_published_total',
        'engine_parked_events_total',
        'whatsapp_sender_send_attempts_total',
        'whatsapp_sender_send_errors_total',
        'whatsapp_sender_paused',
        'webhook_responses_total',
        'dependency_up',
      ]) {
        expect(used.has(metric), metric).toBe(true);
      }
      // Reachability is alerted on for each dependency a service's readiness checks.
      const reachability = alerts
        .filter((a) => metricNamesIn(a.expr).includes('dependency_up'))
        .map((a) => /dependency="([a-z_]+)"/.exec(a.expr)?.[1]);
      expect(reachability).toEqual(expect.arrayContaining(['redis', 'nats', 'postgres']));
      // The check can fail: a made-up name is caught.
      expect(metricNamesIn('sum(rate(made_up_total{a="b"}[5m])) by (x)').filter((m) => !exported.has(m))).toEqual(['made_up_total']);
    });

    it('ships a Grafana dashboard of the same signals, reading only exported metrics', () => {
      const exported = exportedMetrics();
      const configMap = named(overlay, 'ConfigMap', 'chat-support-dashboard')!;
      expect(configMap.metadata.labels).toMatchObject({ grafana_dashboard: '1' });
      const dashboard = JSON.parse(configMap.data!['chat-support.json']!) as { panels: { title: string; targets: { expr: string }[] }[] };
      const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
      expect(exprs.length).toBeGreaterThan(10);
      for (const metric of exprs.flatMap(metricNamesIn)) expect(exported.has(metric), metric).toBe(true);
    });
  });

  it('gives every service that creates a stream the same JETSTREAM_REPLICAS, 3 in production, within the NATS cluster', () => {
    const nats = parseAllDocuments(read('deploy/kubernetes/dependencies/nats-values.yaml'))[0]!.toJS() as {
      config: { cluster: { enabled: boolean; replicas: number } };
    };
    // The gateway and the engine ensure INBOUND, the engine and the sender DELIVERY (libs/messaging streamSpecs).
    for (const service of ['webhook-gateway', 'conversation-engine', 'whatsapp-sender'])
      expect(configKeys(service).has('JETSTREAM_REPLICAS'), service).toBe(true);
    for (const overlay of PRODUCTION) {
      const replicas = Number(named(overlay, 'ConfigMap', 'chat-support-config')!.data!['JETSTREAM_REPLICAS']);
      expect(replicas, overlay).toBe(3);
      expect(nats.config.cluster.enabled).toBe(true);
      expect(replicas).toBeLessThanOrEqual(nats.config.cluster.replicas);
    }
    expect(named('dev', 'ConfigMap', 'chat-support-config')!.data!['JETSTREAM_REPLICAS']).toBe('1');
  });

  it("points the services at redis-ha's Sentinels and master name, one announce Service per Redis, with no HAProxy", () => {
    const values = parseAllDocuments(read('deploy/kubernetes/dependencies/redis-ha-values.yaml'))[0]!.toJS() as {
      replicas: number;
      redis: { masterGroupName: string };
      haproxy: { enabled: boolean };
    };
    for (const service of ['conversation-engine', 'whatsapp-sender', 'admin-api']) {
      expect(configKeys(service).has('REDIS_SENTINELS') && configKeys(service).has('REDIS_SENTINEL_NAME'), service).toBe(true);
    }
    for (const overlay of OVERLAYS) {
      const config = named(overlay, 'ConfigMap', 'chat-support-config')!.data!;
      expect(config['REDIS_SENTINEL_NAME'], overlay).toBe(values.redis.masterGroupName);
      expect(config['REDIS_SENTINELS']!.split(','), overlay).toEqual(
        Array.from({ length: values.replicas }, (_, i) => `redis-ha-announce-${i}.redis.svc:${SENTINEL_DEFAULT_PORT}`),
      );
      // REDIS_URL's host would be ignored next to the Sentinels: the ConfigMap does not pretend to use one.
      expect(config['REDIS_URL'], overlay).toBeUndefined();
    }
    expect(values.haproxy.enabled).toBe(false);
  });

  it('scales the engine on the lag of its 16 partition consumers and the sender on the BullMQ wait list, when KEDA is there', () => {
    const scaled = ofKind('production-keda', 'ScaledObject');
    const triggersOf = (name: string) => (scaled.find((s) => s.metadata.name === name)!.spec as { triggers: Trigger[] }).triggers;
    const t = topology();
    const lag = triggersOf('conversation-engine').filter((tr) => tr.type === 'nats-jetstream');
    expect(lag.map((tr) => tr.metadata['stream'])).toEqual(Array.from({ length: INBOUND_PARTITIONS }, () => WIRE.streams.inbound));
    expect(lag.map((tr) => tr.metadata['consumer'])).toEqual(Array.from({ length: INBOUND_PARTITIONS }, (_, p) => t.inboundConsumer(p)));
    const formula = (
      scaled.find((s) => s.metadata.name === 'conversation-engine')!.spec as { advanced: { scalingModifiers: { formula: string } } }
    ).advanced.scalingModifiers.formula;
    expect(
      formula
        .split('+')
        .map((s) => s.trim())
        .sort(),
    ).toEqual(lag.map((tr) => tr.name).sort());
    // The same Redis as the services: through the same Sentinels and master name, or at REDIS_URL's host.
    const [queue] = triggersOf('whatsapp-sender').filter((tr) => tr.type === 'redis' || tr.type === 'redis-sentinel');
    expect(queue!.metadata['listName']).toBe(new QueueKeys().toKey(t.outboundQueue, 'wait'));
    const config = named('production-keda', 'ConfigMap', 'chat-support-config')!.data!;
    if (config['REDIS_SENTINELS']) {
      expect(queue!.type).toBe('redis-sentinel');
      expect(queue!.metadata['addresses']).toBe(config['REDIS_SENTINELS']);
      expect(queue!.metadata['sentinelMaster']).toBe(config['REDIS_SENTINEL_NAME']);
    } else {
      expect(queue!.type).toBe('redis');
      expect(queue!.metadata['address']).toBe(new URL(config['REDIS_URL']!).host);
    }
    const exported = exportedMetrics();
    for (const trigger of scaled.flatMap((s) => (s.spec as { triggers: Trigger[] }).triggers).filter((tr) => tr.type === 'prometheus')) {
      for (const metric of metricNamesIn(trigger.metadata['query']!)) expect(exported.has(metric), metric).toBe(true);
    }
  });
});
