// `npm run bench -- [options]`: parsed once, every bad value named.
import { parseArgs } from 'node:util';
import { PRODUCT_SERVICES, type ProductService } from './product';

export interface BenchOptions {
  rates: number[];
  durationS: number;
  students: number;
  replicas: Record<ProductService, number>;
  history: number;
  skipBaseline: boolean;
  baselineOnly: boolean;
  overload: boolean;
  burst: number;
  logLevel: string;
  out: string;
  drainTimeoutS: number;
  warmupS: number;
  /** Build the services of this git ref instead of the working tree. */
  ref: string | undefined;
}

const USAGE = `npm run bench -- [--rates 250,500,750,1000,1500,2000] [--duration 20] [--students 500]
  [--replicas engine=1,sender=1,gateway=1,admin-api=1] [--history N] [--skip-baseline] [--baseline-only]
  [--overload] [--burst N] [--log-level info] [--out bench-results] [--drain-timeout 60] [--warmup 3]
  [--ref <git ref>: build that commit instead of the working tree]`;

const REPLICA_KEYS: Record<string, ProductService> = {
  gateway: 'webhook-gateway',
  'webhook-gateway': 'webhook-gateway',
  engine: 'conversation-engine',
  'conversation-engine': 'conversation-engine',
  sender: 'whatsapp-sender',
  'whatsapp-sender': 'whatsapp-sender',
  'admin-api': 'admin-api',
  admin: 'admin-api',
};

export function parseCli(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rates: { type: 'string', default: '250,500,750,1000,1500,2000' },
      duration: { type: 'string', default: '20' },
      students: { type: 'string', default: '500' },
      replicas: { type: 'string', default: '' },
      history: { type: 'string', default: '0' },
      'skip-baseline': { type: 'boolean', default: false },
      'baseline-only': { type: 'boolean', default: false },
      overload: { type: 'boolean', default: false },
      burst: { type: 'string', default: '0' },
      'log-level': { type: 'string', default: 'info' },
      out: { type: 'string', default: 'bench-results' },
      'drain-timeout': { type: 'string', default: '60' },
      warmup: { type: 'string', default: '3' },
      ref: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const problems: string[] = [];
  const int = (name: string, raw: string, min: number, max: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`--${name} must be an integer from ${min} to ${max} (got ${raw})`);
    return n;
  };
  const rates = values.rates.split(',').map((r) => int('rates', r.trim(), 1, 20_000));
  const replicas = Object.fromEntries(PRODUCT_SERVICES.map((s) => [s, 1])) as Record<ProductService, number>;
  for (const pair of values.replicas.split(',').filter(Boolean)) {
    const [key = '', count = ''] = pair.split('=');
    const service = REPLICA_KEYS[key.trim()];
    if (!service) problems.push(`--replicas: unknown service ${key} (gateway, engine, sender, admin-api)`);
    else replicas[service] = int('replicas', count.trim(), 1, 16);
  }
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(values['log-level']))
    problems.push('--log-level must be a pino level');
  const options: BenchOptions = {
    rates: [...rates].sort((a, b) => a - b),
    durationS: int('duration', values.duration, 1, 3_600),
    students: int('students', values.students, 1, 1_000_000),
    replicas,
    history: int('history', values.history, 0, 10_000_000),
    skipBaseline: values['skip-baseline'],
    baselineOnly: values['baseline-only'],
    overload: values.overload,
    burst: int('burst', values.burst, 0, 1_000_000),
    logLevel: values['log-level'],
    out: values.out,
    drainTimeoutS: int('drain-timeout', values['drain-timeout'], 1, 3_600),
    warmupS: int('warmup', values.warmup, 0, 600),
    ref: values.ref,
  };
  if (options.skipBaseline && options.baselineOnly) problems.push('--skip-baseline and --baseline-only exclude each other');
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n\n${USAGE}\n`);
    process.exit(2);
  }
  return options;
}
