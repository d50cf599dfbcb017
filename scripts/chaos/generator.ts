// The chaos suite's webhook generator, in the suite's own process (a few dozen msg/s): open loop at a fixed
// rate over the students, signed like Meta's, and, like Meta, a webhook that did not get 200 (connection
// refused, timeout, 5xx) is delivered again later with the same payload and wamid, with backoff, until it
// does. One student has at most one webhook in flight or waiting for redelivery: the next one is only sent
// after the previous got its 200, so each student's accepted order is known (students whose turn comes while
// they wait are skipped; the rate is kept by the others).
import { createHmac } from 'node:crypto';
import { APP_SECRET, PHONE_NUMBER_ID } from '../bench/system';

export interface Message {
  phone: string;
  k: number;
  wamid: string;
  text: string;
  firstSentAt: number;
  attempts: number;
  acceptedAt?: number;
  /** Statuses of the attempts that were not 200 (0: no answer). */
  failures: number[];
}

const chaosWamid = (runId: string, phone: string, k: number) => `wamid.chaos.${runId}.${phone}.${k}`;

function webhookBody(phone: string, wamid: string, text: string, at: number): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: 'Chaos Student' }, wa_id: phone }],
              messages: [{ from: phone, id: wamid, timestamp: String(Math.floor(at / 1000)), type: 'text', text: { body: text } }],
            },
          },
        ],
      },
    ],
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ChaosGenerator {
  readonly messages: Message[] = [];
  private readonly nextK = new Map<string, number>();
  private readonly busy = new Set<string>();
  private cursor = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly gatewayUrl: () => string,
    private readonly runId: string,
    private readonly phones: string[],
    private readonly opts: { requestTimeoutMs: number; maxBackoffMs: number },
  ) {}

  /** Sends at `rate` msg/s until stop(); redeliveries go on after stop() until drained() resolves. */
  start(rate: number): void {
    this.running = true;
    const interval = 1000 / rate;
    const started = Date.now();
    let n = 0;
    this.loop = (async () => {
      while (this.running) {
        const due = started + n * interval;
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
        if (!this.running) break;
        n++;
        const phone = this.nextFreeStudent();
        if (phone) this.send(phone, 'menu');
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** A message from this student outside the round robin (waits for the student's previous one first). */
  async sendNow(phone: string, text: string): Promise<Message> {
    while (this.busy.has(phone)) await sleep(20);
    return this.send(phone, text).message;
  }

  /** Waits for the 200 of this message (or the deadline). */
  async accepted(message: Message, deadline: number): Promise<boolean> {
    while (message.acceptedAt === undefined && Date.now() < deadline) await sleep(20);
    return message.acceptedAt !== undefined;
  }

  /** Resolves once every message has its 200, or at the deadline; returns how many still have none. */
  async drained(deadline: number): Promise<number> {
    while (Date.now() < deadline && this.messages.some((m) => m.acceptedAt === undefined)) await sleep(100);
    return this.messages.filter((m) => m.acceptedAt === undefined).length;
  }

  /** Gives up on redeliveries (the suite is ending): pending attempts settle within the request timeout. */
  async abandon(): Promise<void> {
    this.giveUp = true;
    await Promise.allSettled([...this.inFlight]);
  }

  private giveUp = false;

  private nextFreeStudent(): string | undefined {
    for (let i = 0; i < this.phones.length; i++) {
      const phone = this.phones[(this.cursor + i) % this.phones.length] as string;
      if (!this.busy.has(phone)) {
        this.cursor = (this.cursor + i + 1) % this.phones.length;
        return phone;
      }
    }
    return undefined;
  }

  private send(phone: string, text: string): { message: Message } {
    const k = this.nextK.get(phone) ?? 0;
    this.nextK.set(phone, k + 1);
    const now = Date.now();
    const message: Message = { phone, k, wamid: chaosWamid(this.runId, phone, k), text, firstSentAt: now, attempts: 0, failures: [] };
    this.messages.push(message);
    this.busy.add(phone);
    const body = webhookBody(phone, message.wamid, text, now);
    const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
    const deliver = async () => {
      let backoff = 500;
      while (!this.giveUp) {
        message.attempts++;
        let status = 0;
        try {
          const response = await fetch(`${this.gatewayUrl()}/api/webhook/whatsapp`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
            body,
            signal: AbortSignal.timeout(this.opts.requestTimeoutMs),
          });
          status = response.status;
          await response.arrayBuffer().catch(() => undefined);
        } catch {
          status = 0;
        }
        if (status === 200) {
          message.acceptedAt = Date.now();
          break;
        }
        message.failures.push(status);
        // Meta redelivers with backoff; jitter so redeliveries do not arrive as one wave.
        await sleep(backoff * (0.75 + Math.random() / 2));
        backoff = Math.min(this.opts.maxBackoffMs, backoff * 2);
      }
      this.busy.delete(phone);
    };
    const p = deliver();
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return { message };
  }
}
