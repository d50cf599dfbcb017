// From what the generator sent, what the fake Cloud API received and what Postgres stored: lost, doubled
// (and which doubles fall in the documented at-least-once window), order, per-phase answered/s.
import type pg from 'pg';
import type { Message } from './generator';

/** A send the fake accepted: [arrivedAt, to, n, kind, biz_opaque_callback_data (our outbound message id)]. */
export type FakeRecord = [number, string, number, string, string];

export interface FaultRecord {
  name: string;
  /** Epoch ms the fault started (kill, stop, mode on) and ended (restarted and ready, mode off). */
  at: number;
  endedAt: number;
  detail: string;
}

export interface Phase {
  name: string;
  start: number;
  end: number;
}

interface DoubleFinding {
  to: string;
  ref: string;
  sends: number[];
  rule?: string;
  nearestFault?: string;
}

export async function fetchFakeLog(fakeUrl: string): Promise<FakeRecord[]> {
  const response = await fetch(`${fakeUrl}/__bench/log?from=0`, { signal: AbortSignal.timeout(10_000) });
  return ((await response.json()) as { records: FakeRecord[] }).records.filter((r) => r[3] === 'send');
}

/** Unanswered accepted messages per student: accepted x repliesPerInbound against distinct replies. */
export function unanswered(messages: Message[], sends: FakeRecord[], perInbound: number, phones: Set<string>): number {
  const accepted = new Map<string, number>();
  for (const m of messages) if (m.acceptedAt !== undefined && phones.has(m.phone)) accepted.set(m.phone, (accepted.get(m.phone) ?? 0) + 1);
  const refs = distinctRefsByPhone(sends);
  let missing = 0;
  for (const [phone, n] of accepted) missing += Math.max(0, Math.ceil((n * perInbound - (refs.get(phone)?.size ?? 0)) / perInbound));
  return missing;
}

function distinctRefsByPhone(sends: FakeRecord[]): Map<string, Set<string>> {
  const refs = new Map<string, Set<string>>();
  for (const [, to, , , ref] of sends) {
    const set = refs.get(to) ?? new Set<string>();
    set.add(ref || `n${Math.random()}`);
    refs.set(to, set);
  }
  return refs;
}

export function analyzeDoubles(opts: {
  messages: Message[];
  sends: FakeRecord[];
  perInbound: number;
  faults: FaultRecord[];
  windowMs: number;
  /** Per phone, how many accepted messages are expected to be answered (the poison one may not be). */
  expected: Map<string, number>;
}) {
  const byRef = new Map<string, { to: string; times: number[] }>();
  for (const [t, to, , , ref] of opts.sends) {
    if (!ref) continue;
    const entry = byRef.get(ref) ?? { to, times: [] };
    entry.times.push(t);
    byRef.set(ref, entry);
  }
  const senderKills = opts.faults.filter((f) => f.name === 'kill-sender');
  const doubles: DoubleFinding[] = [];
  // The same outbound message sent more than once (same biz_opaque_callback_data).
  for (const [ref, { to, times }] of byRef) {
    if (times.length < 2) continue;
    times.sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) {
      const first = times[i - 1] as number;
      const again = times[i] as number;
      const kill = senderKills.find((f) => f.at >= first && f.at - first <= opts.windowMs && again >= f.at);
      const nearest = [...opts.faults].sort((a, b) => Math.abs(a.at - first) - Math.abs(b.at - first))[0];
      doubles.push({
        to,
        ref,
        sends: [first, again],
        ...(kill
          ? {
              rule: `sender SIGKILLed ${((kill.at - first) / 1000).toFixed(1)} s after the Cloud API's 200, before it recorded the send (WHATSAPP.md: no idempotency key)`,
            }
          : {}),
        ...(nearest ? { nearestFault: `${nearest.name} at ${new Date(nearest.at).toISOString()}` } : {}),
      });
    }
  }
  // More distinct outbound messages than accepted inbound ones (an inbound event handled twice).
  const refs = distinctRefsByPhone(opts.sends);
  let extraMessages = 0;
  for (const [phone, set] of refs) {
    const expected = (opts.expected.get(phone) ?? 0) * opts.perInbound;
    if (set.size > expected) extraMessages += set.size - expected;
  }
  const inWindow = doubles.filter((d) => d.rule).length;
  return { doubles, sameMessageResent: doubles.length, extraMessages, inWindow, outsideWindow: doubles.length - inWindow + extraMessages };
}

/** Per conversation, inbound rows by seq must follow k, and outbound rows by seq must have reached the fake in that order. */
export async function checkOrder(db: pg.Client, schema: string, phones: string[]) {
  const { rows } = await db.query<{ phone_number: string; direction: string; wamid: string | null; seq: string }>(
    `select c.phone_number, m.direction, m.wamid, m.seq::text as seq from "${schema}".messages m
     join "${schema}".conversations c on c.id = m.conversation_id where c.phone_number = any($1) order by m.seq`,
    [phones],
  );
  const bad = new Set<string>();
  const examples: string[] = [];
  const lastIn = new Map<string, number>();
  const lastOut = new Map<string, number>();
  const seenIn = new Map<string, number>();
  let duplicateInbound = 0;
  for (const row of rows) {
    if (!row.wamid) continue;
    const n = Number(row.wamid.slice(row.wamid.lastIndexOf('.') + 1));
    if (row.direction === 'inbound') {
      seenIn.set(row.wamid, (seenIn.get(row.wamid) ?? 0) + 1);
      if ((seenIn.get(row.wamid) ?? 0) > 1) duplicateInbound++;
      const previous = lastIn.get(row.phone_number) ?? -1;
      if (n < previous) {
        bad.add(row.phone_number);
        if (examples.length < 5) examples.push(`${row.phone_number}: inbound k=${n} stored (seq ${row.seq}) after k=${previous}`);
      }
      lastIn.set(row.phone_number, Math.max(previous, n));
    } else if (row.wamid.startsWith('wamid.out.')) {
      const previous = lastOut.get(row.phone_number) ?? -1;
      if (n <= previous) {
        bad.add(row.phone_number);
        if (examples.length < 5)
          examples.push(`${row.phone_number}: outbound seq ${row.seq} (${row.wamid}) reached the Cloud API before wamid.out.${previous}`);
      }
      lastOut.set(row.phone_number, Math.max(previous, n));
    }
  }
  return { studentsOutOfOrder: bad.size, duplicateInbound, examples, inboundStored: seenIn.size };
}

export async function parkedEvents(db: pg.Client, schema: string): Promise<{ exists: boolean; count: number }> {
  const { rows } = await db.query<{ t: string | null }>(`select to_regclass($1)::text as t`, [`"${schema}".parked_events`]);
  if (!rows[0]?.t) return { exists: false, count: 0 };
  const count = await db.query<{ n: number }>(`select count(*)::int as n from "${schema}".parked_events`);
  return { exists: true, count: count.rows[0]?.n ?? 0 };
}

export function perPhase(phases: Phase[], sends: FakeRecord[], messages: Message[], phones: Set<string>) {
  return phases.map((p) => {
    const seconds = Math.max(0.001, (p.end - p.start) / 1000);
    const times = sends
      .filter((s) => s[0] >= p.start && s[0] < p.end && phones.has(s[1]))
      .map((s) => s[0])
      .sort((a, b) => a - b);
    const answered = times.length;
    // The longest time without any answer inside the phase (edges included): a stall shows here.
    let gap = 0;
    let previous = p.start;
    for (const t of [...times, p.end]) {
      gap = Math.max(gap, t - previous);
      previous = t;
    }
    const offered = messages.filter((m) => m.firstSentAt >= p.start && m.firstSentAt < p.end).length;
    const accepted = messages.filter((m) => m.acceptedAt !== undefined && m.acceptedAt >= p.start && m.acceptedAt < p.end).length;
    return {
      phase: p.name,
      seconds: Number(seconds.toFixed(1)),
      offeredPerS: round(offered / seconds),
      acceptedPerS: round(accepted / seconds),
      answeredPerS: round(answered / seconds),
      longestGapS: round(gap / 1000),
    };
  });
}

const round = (n: number) => Number(n.toFixed(1));
