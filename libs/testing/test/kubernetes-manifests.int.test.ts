import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULTS } from '@app/config';
import { SERVICE_HEAP_LIMIT_MB, SERVICE_NODE_OPTIONS } from '@app/runtime';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

/*
 * No cluster runs here, so deploy/kubernetes is checked against what the services do: what kustomize applies
 * (never a Secret: the real one is created out of band), and for each Deployment the hardening, the probes on
 * the paths and ports the services serve, a shutdown that fits the grace period, and a disruption budget.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const DIR = path.join(ROOT, 'deploy/kubernetes');

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  ports?: { containerPort: number; name: string }[];
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
  securityContext?: { runAsNonRoot?: boolean; seccompProfile?: { type: string } };
  containers: Container[];
  volumes?: { name: string }[];
}

const kustomization = parseAllDocuments(readFileSync(path.join(DIR, 'kustomization.yaml'), 'utf8'))[0]?.toJS() as { resources: string[] };
const objects: K8sObject[] = kustomization.resources.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8')).map((doc) => {
    expect(doc.errors, file).toEqual([]);
    return doc.toJS() as K8sObject;
  }),
);
const deployments = objects.filter((o) => o.kind === 'Deployment');
const podOf = (o: K8sObject) => (o.spec as { template: { spec: PodSpec } }).template.spec;

/** The contract's port of each service (CONTRACT.md), by Deployment name. */
const PORTS: Record<string, number> = {
  'admin-api': DEFAULTS.ports.adminApi,
  'webhook-gateway': DEFAULTS.ports.webhookGateway,
  'conversation-engine': DEFAULTS.ports.conversationEngine,
  'whatsapp-sender': DEFAULTS.ports.whatsappSender,
};

describe('deploy/kubernetes', () => {
  it('applies no Secret: the real one is created out of band and never overwritten', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(Object.keys(PORTS).sort());
  });

  it.each(Object.keys(PORTS))('%s runs hardened: non-root, seccomp, no privilege escalation, no capabilities, read-only root', (name) => {
    const pod = podOf(deployments.find((d) => d.metadata.name === name)!);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    for (const container of pod.containers) {
      expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      // A read-only root still needs a writable /tmp, from a volume the pod declares.
      const tmp = container.volumeMounts?.find((m) => m.mountPath === '/tmp');
      expect(tmp && pod.volumes?.some((v) => v.name === tmp.name)).toBe(true);
    }
  });

  it.each(Object.keys(PORTS))('%s probes the paths and port it serves, stops inside its grace period, and has a disruption budget', (name) => {
    const pod = podOf(deployments.find((d) => d.metadata.name === name)!);
    const [container] = pod.containers;
    const port = container?.ports?.find((p) => p.containerPort === PORTS[name]);
    expect(port).toBeDefined();
    for (const [probe, pathname] of [['startupProbe', '/healthz'], ['readinessProbe', '/readyz'], ['livenessProbe', '/healthz']] as const) {
      expect(container?.[probe]?.httpGet, probe).toEqual({ path: pathname, port: port?.name });
    }
    // preStop, then the contract's "exits within 10 s of SIGTERM" (drain included), inside the grace period.
    const preStop = container?.lifecycle?.preStop?.sleep?.seconds ?? 0;
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStop + 10);
    const budget = objects.find((o) => o.kind === 'PodDisruptionBudget' && o.metadata.name === name);
    expect(budget?.spec).toMatchObject({ maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': name } } });
  });

  it.each(Object.keys(PORTS))('%s runs with the heap cap it was measured with, under a memory limit with room above it', (name) => {
    const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'chat-support-config') as unknown as { data: Record<string, string> };
    expect(config.data['NODE_OPTIONS']).toBe(SERVICE_NODE_OPTIONS);
    const mebibytes = (q: string | undefined) => Number(/^(\d+)Mi$/.exec(q ?? '')?.[1] ?? Number.NaN);
    for (const container of podOf(deployments.find((d) => d.metadata.name === name)!).containers) {
      const { requests, limits } = container.resources ?? {};
      // RSS measured at the ceiling stayed under 150 MB with this cap; the young generation, code and buffers sit above the old space.
      expect(mebibytes(requests?.memory)).toBeGreaterThanOrEqual(SERVICE_HEAP_LIMIT_MB + 48);
      expect(mebibytes(limits?.memory)).toBeGreaterThanOrEqual(mebibytes(requests?.memory) + 64);
    }
  });
});
