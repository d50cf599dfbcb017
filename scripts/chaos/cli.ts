// `npm run chaos` options. --quick runs every fault briefly (CI, about 2-3 minutes with the build).
export type FaultName =
  | 'kill-gateway'
  | 'kill-engine'
  | 'kill-sender'
  | 'kill-admin-api'
  | 'restart-nats'
  | 'restart-redis'
  | 'restart-postgres'
  | 'cloud-500'
  | 'cloud-130429'
  | 'cloud-131056'
  | 'cloud-190'
  | 'poison';

const ALL_FAULTS: FaultName[] = [
  'kill-gateway',
  'kill-engine',
  'kill-sender',
  'kill-admin-api',
  'restart-nats',
  'restart-redis',
  'restart-postgres',
  'cloud-500',
  'cloud-130429',
  'cloud-131056',
  'cloud-190',
  'poison',
];

export interface ChaosOptions {
  quick: boolean;
  students: number;
  rate: number;
  /** Seconds of steady load before the first fault. */
  steadyS: number;
  /** Seconds a fault of the Cloud API lasts. */
  faultS: number;
  /** Seconds a killed service or stopped server stays down. */
  downS: number;
  /** Seconds of load after each fault is over, before the next one. */
  holdS: number;
  /** Bound on the wait for quiescence after the last fault (s): unanswered by then is lost. */
  quiesceS: number;
  /** A sender kill this many seconds after a Cloud API 200 counts that message's second send in the window. */
  windowS: number;
  faults: FaultName[];
  out: string;
  ref?: string;
  logLevel: string;
}

export function parseCli(argv: string[]): ChaosOptions {
  const quick = argv.includes('--quick');
  const o: ChaosOptions = quick
    ? {
        quick,
        students: 200,
        rate: 20,
        steadyS: 4,
        faultS: 6,
        downS: 2,
        holdS: 4,
        quiesceS: 120,
        windowS: 5,
        faults: ALL_FAULTS,
        out: 'bench-results/chaos',
        logLevel: 'info',
      }
    : {
        quick,
        students: 200,
        rate: 30,
        steadyS: 10,
        faultS: 20,
        downS: 5,
        holdS: 10,
        quiesceS: 120,
        windowS: 5,
        faults: ALL_FAULTS,
        out: 'bench-results/chaos',
        logLevel: 'info',
      };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--quick') continue;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? (argv[++i] as string | undefined) ?? '';
    const num = () => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number`);
      return n;
    };
    switch (flag) {
      case '--students':
        o.students = Math.max(1, Math.round(num()));
        break;
      case '--rate':
        o.rate = Math.max(1, num());
        break;
      case '--steady':
        o.steadyS = num();
        break;
      case '--fault':
        o.faultS = num();
        break;
      case '--down':
        o.downS = num();
        break;
      case '--hold':
        o.holdS = num();
        break;
      case '--quiesce':
        o.quiesceS = num();
        break;
      case '--window':
        o.windowS = num();
        break;
      case '--out':
        o.out = value();
        break;
      case '--ref':
        o.ref = value();
        break;
      case '--log-level':
        o.logLevel = value();
        break;
      case '--faults': {
        const names = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = names.filter((n) => !ALL_FAULTS.includes(n as FaultName));
        if (unknown.length > 0) throw new Error(`unknown fault(s) ${unknown.join(', ')}; known: ${ALL_FAULTS.join(', ')}`);
        o.faults = names as FaultName[];
        break;
      }
      case '--help':
        process.stdout.write(
          'npm run chaos -- [--quick] [--students N] [--rate R] [--steady S] [--fault S] [--down S] [--hold S] [--quiesce S] [--window S] [--faults a,b] [--out DIR] [--ref GITREF] [--log-level L]\n',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg} (see scripts/chaos/README.md)`);
    }
  }
  return o;
}
