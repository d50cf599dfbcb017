// Everything the run sent and everything the fake Cloud API received, across steps: which inbound message of
// a student each reply answers (the k-th accepted inbound of a student is answered by that student's k-th
// reply group, since each student's messages are handled and answered in order), what is still outstanding.
import type { SentRecord } from './generator-protocol';

export interface Inbound {
  k: number;
  scheduled: number;
  status: number;
  answeredAt: number;
  step: number;
}

export interface Population {
  name: string;
  phones: string[];
  /** Global index of the population's next message (continues across steps). */
  nextIndex: number;
}

export class Ledger {
  /** Per phone, the accepted (HTTP 200) inbound messages in k order. */
  readonly accepted = new Map<string, Inbound[]>();
  /** Every inbound message sent, by `${phone}:${k}`. */
  readonly sent = new Map<string, Inbound>();
  /** Per phone, arrival times of sends at the fake, in arrival order. */
  readonly replies = new Map<string, number[]>();
  /** Per phone, the wamid numbers the fake assigned, in arrival order. */
  readonly replyNumbers = new Map<string, number[]>();
  /** Per phone, the fake's biz_opaque_callback_data in arrival order (the baseline puts the inbound wamid there). */
  readonly replyRefs = new Map<string, string[]>();
  reads = 0;
  private cursor = 0;

  constructor(
    private readonly fakeUrl: string,
    /** POSTs the system sends for one inbound message (measured by the probe). */
    public repliesPerInbound = 1,
  ) {}

  record(population: Population, step: number, sent: SentRecord[]): Inbound[] {
    const mine: Inbound[] = [];
    const sorted = [...sent].sort((a, b) => a[0] - b[0]);
    for (const [g, scheduled, status, answeredAt] of sorted) {
      const inbound = { k: Math.floor(g / population.phones.length), scheduled, status, answeredAt, step };
      mine.push(inbound);
      const phone = population.phones[g % population.phones.length] ?? '';
      this.sent.set(`${phone}:${inbound.k}`, inbound);
      if (status !== 200) continue;
      const list = this.accepted.get(phone) ?? [];
      list.push(inbound);
      this.accepted.set(phone, list);
    }
    return mine;
  }

  /** Starts after everything the fake received so far (another system's answers are not this one's). */
  async skipExisting(): Promise<void> {
    const response = await fetch(`${this.fakeUrl}/__bench/log?from=1000000000`, { signal: AbortSignal.timeout(10_000) });
    this.cursor = ((await response.json()) as { next: number }).next;
  }

  async pull(): Promise<void> {
    const response = await fetch(`${this.fakeUrl}/__bench/log?from=${this.cursor}`, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as { next: number; records: [number, string, number, string, string][] };
    for (const [t, to, n, kind, ref] of body.records) {
      if (kind === 'read') {
        this.reads++;
        continue;
      }
      push(this.replies, to, t);
      push(this.replyNumbers, to, n);
      push(this.replyRefs, to, ref);
    }
    this.cursor = body.next;
  }

  /** When the j-th accepted inbound of `phone` was fully answered (its last reply's arrival), if it was. */
  answerTime(phone: string, j: number): number | undefined {
    return this.replies.get(phone)?.[(j + 1) * this.repliesPerInbound - 1];
  }

  /** Accepted inbound messages of these phones with no complete answer yet. */
  outstanding(phones: string[]): number {
    let missing = 0;
    for (const phone of phones) {
      const expected = (this.accepted.get(phone)?.length ?? 0) * this.repliesPerInbound;
      const got = this.replies.get(phone)?.length ?? 0;
      if (got < expected) missing += Math.ceil((expected - got) / this.repliesPerInbound);
    }
    return missing;
  }

  /** Replies beyond what was asked for (more answers than accepted inbound), summed over phones. */
  doubled(phones: string[]): number {
    let extra = 0;
    for (const phone of phones) {
      const expected = (this.accepted.get(phone)?.length ?? 0) * this.repliesPerInbound;
      extra += Math.max(0, (this.replies.get(phone)?.length ?? 0) - expected);
    }
    return extra;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function percentile(sorted: number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}
