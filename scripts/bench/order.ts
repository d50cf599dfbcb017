// Inbound order: a conversation's stored messages (by seq) must follow the generator's k order, where the
// order was knowable. Two webhooks of one student that were in flight at the same time (the second sent
// before the first was answered) may be stored either way, as with Meta: the gateway cannot know which came
// first. Such pairs are counted apart ("concurrent"), never as a violation.
import type { Ledger } from './ledger';

export interface OrderFindings {
  bad: Set<string>;
  concurrent: number;
  examples: string[];
}

export const newFindings = (): OrderFindings => ({ bad: new Set(), concurrent: 0, examples: [] });

/** `rows` in stored order (seq), each a phone and the k its wamid carries. */
export function checkInboundOrder(rows: { phone: string; k: number; seq: string }[], ledger: Ledger, findings: OrderFindings): void {
  const seen = new Map<string, number[]>();
  for (const row of rows) {
    const earlier = seen.get(row.phone) ?? [];
    const me = ledger.sent.get(`${row.phone}:${row.k}`);
    for (const k of earlier) {
      if (k <= row.k) continue;
      const later = ledger.sent.get(`${row.phone}:${k}`);
      // k (sent after me) was stored before me: a violation only if I had my 200 before it was sent.
      if (me && later && me.answeredAt <= later.scheduled) {
        findings.bad.add(row.phone);
        if (findings.examples.length < 5)
          findings.examples.push(
            `${row.phone} inbound seq ${row.seq}: k ${row.k} stored after k ${k}, though answered before k ${k} was sent`,
          );
      } else {
        findings.concurrent++;
      }
    }
    earlier.push(row.k);
    seen.set(row.phone, earlier);
  }
}

export const kOf = (wamid: string) => Number(wamid.slice(wamid.lastIndexOf('.') + 1));
