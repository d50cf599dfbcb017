import { DEFAULTS } from '@app/config';
import { isReachable } from '@app/runtime';

export const MIGRATING_SERVICES = ['conversation-engine', 'admin-api'] as const;

/**
 * Checks that Postgres, NATS and Redis answer at the configured URLs; returns one paragraph per problem,
 * naming the URL and how to provide it.
 */
export async function checkInfrastructure(env: NodeJS.ProcessEnv): Promise<string[]> {
  const needed = [
    { name: 'PostgreSQL', variable: 'DATABASE_URL', url: env.DATABASE_URL || DEFAULTS.databaseUrl, port: 5432 },
    { name: 'NATS with JetStream', variable: 'NATS_URL', url: env.NATS_URL || DEFAULTS.natsUrl, port: 4222 },
    { name: 'Redis', variable: 'REDIS_URL', url: env.REDIS_URL || DEFAULTS.redisUrl, port: 6379 },
  ];
  const problems: string[] = [];
  for (const dependency of needed) {
    if (!(await isReachable(dependency.url, dependency.port))) {
      const shown = new URL(dependency.url);
      shown.password = shown.password ? '***' : '';
      problems.push(
        `${dependency.name} is not reachable at ${shown.toString()}. Start it locally (README, "Prerequisites"), ` +
          `or set ${dependency.variable} to a running server, or use \`docker compose up\` on a machine with Docker.`,
      );
    }
  }
  return problems;
}
