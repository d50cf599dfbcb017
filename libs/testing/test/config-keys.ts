import { readFileSync } from 'node:fs';
import path from 'node:path';
import { telemetryEnvFields } from '@app/telemetry';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Field sets a service's config spreads whole from a lib, by the name it spreads them under. */
const SPREAD_FIELDS: Record<string, readonly string[]> = { telemetryEnvFields: Object.keys(telemetryEnvFields) };

/**
 * Every variable a service's config.ts reads: the keys it names one by one, and those of the lib field sets it
 * spreads whole (`...telemetryEnvFields`). The manifests and the compose file are checked against it.
 */
export function configKeys(service: string): Set<string> {
  const text = readFileSync(path.join(ROOT, `services/${service}/src/config.ts`), 'utf8');
  const named = [...text.matchAll(/^\s+([A-Z][A-Z0-9_]*[A-Z0-9]):/gm)].map((m) => m[1]!);
  const spread = [...text.matchAll(/\.\.\.(\w+)\b/g)].flatMap((m) => SPREAD_FIELDS[m[1]!] ?? []);
  return new Set([...named, ...spread]);
}
