/**
 * The V8 old-space cap every service runs with in production (the images' NODE_OPTIONS, the Kubernetes config map)
 * and in the benchmark and chaos runs that stand for production. Without it Node grows the old space freely
 * under bursts (the engine buffers up to 64 events per partition, the sender 32 jobs and their sockets), and
 * RSS went past 150 MB under load with no gain; with 96 MB every service stayed at or under about 140 MB RSS
 * at the system's ceiling for the same CPU per message (docs/performance.md). Pods' memory limits leave room
 * above it for the young generation, code and buffers.
 */
export const SERVICE_HEAP_LIMIT_MB = 96;

/**
 * The young generation's semi-space, in MB (V8's default is 16 on 64-bit, and it grows to it under load).
 * With the default the engine still peaked at 152-170 MB RSS under load; with 4 MB it peaked at 133-140 MB at
 * and past the ceiling, at the same CPU per message (more, shorter scavenges: docs/performance.md).
 */
const SERVICE_SEMI_SPACE_MB = 4;

const SERVICE_V8_FLAGS = [`--max-old-space-size=${SERVICE_HEAP_LIMIT_MB}`, `--max-semi-space-size=${SERVICE_SEMI_SPACE_MB}`];

/** As NODE_OPTIONS carries it (Dockerfile, deploy/kubernetes/base/config.yaml: tests keep them equal). */
export const SERVICE_NODE_OPTIONS = SERVICE_V8_FLAGS.join(' ');

/** node's arguments to run a built service bundle as production does. */
export function serviceNodeArgs(bundle: string): string[] {
  return ['--enable-source-maps', ...SERVICE_V8_FLAGS, bundle];
}
