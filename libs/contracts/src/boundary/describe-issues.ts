import type { z } from 'zod';

/**
 * Each problem as `path: message`, joined with `; `; an issue about the value itself is named `root`.
 * zod's messages never echo the value, so the text is safe to log and to send back. `max` keeps a reply or
 * log line short when a payload is wrong everywhere.
 */
export function describeIssues(error: z.ZodError, root = '(root)', max = Infinity): string {
  return error.issues
    .slice(0, max)
    .map((issue) => `${issue.path.join('.') || root}: ${issue.message}`)
    .join('; ');
}
