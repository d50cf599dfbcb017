// One plain aligned text row per step: throughput, latency, correctness, then CPU ms per message of every
// process group and the machine, and the highest RSS of each service.
import type { StepResult } from '../step';

const fmt = (n: number | null | undefined, digits = 0) => (n === null || n === undefined ? '-' : n.toFixed(digits));

export function renderTable(results: StepResult[], serviceNames: string[]): string {
  const cpuNames = [...serviceNames, 'fake', 'generator', 'postgres', 'nats', 'redis', 'other'];
  const header = [
    'system',
    'step',
    'offered',
    'ans/s',
    'answered',
    'wh p50',
    'wh p99',
    'e2e p50',
    'e2e p99',
    'drain s',
    'lost',
    'dbl',
    'ooo',
    'non200',
    ...cpuNames.map((n) => `cpu ${n}`),
    'cpu machine',
    'busy %',
    ...serviceNames.map((n) => `rss ${n}`),
    'vs base',
  ];
  const rows = results.map((r) => [
    r.system,
    r.label,
    fmt(r.offered),
    fmt(r.answeredPerS),
    `${r.answeredTotal}/${r.accepted}`,
    fmt(r.webhookP50, 1),
    fmt(r.webhookP99, 1),
    fmt(r.e2eP50),
    fmt(r.e2eP99),
    `${fmt(r.drainMs / 1000, 1)}${r.drainTimedOut ? '!' : ''}`,
    fmt(r.lost),
    fmt(r.doubled),
    fmt(r.outOfOrder),
    fmt(r.non200),
    ...cpuNames.map((n) => fmt(r.cpuMsPerMessage[n], 2)),
    fmt(r.machineCpuMsPerMessage, 2),
    fmt(r.machineBusyShare * 100),
    ...serviceNames.map((n) => fmt(r.maxRssMb[n])),
    r.ratioToBaseline === null ? '-' : r.ratioToBaseline.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export const TABLE_LEGEND = [
  'ans/s: complete answers reaching the Cloud API inside the window, per second; answered: answered after the drain / accepted (HTTP 200)',
  'wh: webhook latency to the 200 (ms, from the scheduled send); e2e: scheduled send -> the answer at the Cloud API (ms)',
  'drain s: after the window until the last answer (! = drain timeout); lost: accepted, never answered; dbl: extra answers; ooo: conversations out of order',
  '  (inbound stored against k order although the earlier webhook had its 200 before the later was sent, or answers reaching the Cloud API against seq order)',
  'cpu <x>: CPU ms per accepted message over window + drain (postgres: all its processes on the machine; other: machine busy time no group accounts for,',
  "  i.e. kernel and anyone else's load); cpu machine: /proc/stat busy ms per message; busy %: share of all cores busy",
  'rss: highest RSS of one process (MB); vs base: ans/s / the baseline ceiling',
].join('\n');
