import type { z } from 'zod';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Parses the environment once and freezes the result. Every bad key is reported in one error, so an
 * operator fixes a deployment in one round instead of one key per restart. Values are never echoed: some
 * of them are secrets.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env): Readonly<z.infer<S>> {
  // Empty strings mean "unset": `FOO=` in a compose file should fall back to the default, not fail.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  return Object.freeze(result.data);
}
