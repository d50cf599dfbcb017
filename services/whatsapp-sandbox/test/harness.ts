import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';
import { createLogger } from '@app/logging';
import { listen } from '@app/runtime';
import { loadSandboxConfig } from '../src/config';
import { startSandbox, type RunningSandbox } from '../src/sandbox';

export const TOKEN = 'sandbox-test-token';
export const PHONE_NUMBER_ID = '100000000000777';
const APP_SECRET = 'sandbox-test-app-secret';

/** A 2026 `contacts[]` entry: `wa_id` only with a shared phone, `user_id` always, `profile.username` when set. */
interface Contact {
  wa_id?: string;
  user_id?: string;
  profile: { name?: string; username?: string };
}

interface ReceivedStatus {
  id: string;
  status: string;
  recipient_id?: string;
  recipient_user_id?: string;
  biz_opaque_callback_data?: string;
  pricing?: Record<string, unknown>;
}

interface Delivery {
  raw: Buffer;
  signature: string | undefined;
  /** Whether the signature is the HMAC-SHA256 of the raw bytes with APP_SECRET (computed here, independently). */
  signedWell: boolean;
  body: {
    entry: { changes: { value: { contacts?: Contact[]; messages?: Record<string, unknown>[]; statuses?: Record<string, unknown>[] } }[] }[];
  };
}

/** A stand-in for the gateway that keeps every webhook exactly as it came, and answers `status`. */
export async function startReceiver() {
  const deliveries: Delivery[] = [];
  const state = { status: 200 };
  const app = express();
  app.post('/webhook', express.raw({ type: () => true }), (req, res) => {
    const raw = req.body as Buffer;
    const signature = req.headers['x-hub-signature-256'] as string | undefined;
    const expected = Buffer.from(`sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`);
    const signedWell = signature !== undefined && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), expected);
    deliveries.push({ raw, signature, signedWell, body: JSON.parse(raw.toString('utf8')) as Delivery['body'] });
    res.status(state.status).end();
  });
  const server = await listen(app, 0, '127.0.0.1');
  const values = () => deliveries.flatMap((d) => d.body.entry.flatMap((e) => e.changes.map((c) => c.value)));
  return {
    url: `${server.url}/webhook`,
    deliveries,
    answer: (status: number) => {
      state.status = status;
    },
    messages: () => values().flatMap((v) => v.messages ?? []),
    /** The contacts of every change, in order: of messages, and of statuses (as Meta sends them with sent/delivered/read). */
    contacts: () => values().flatMap((v) => v.contacts ?? []),
    statuses: () => values().flatMap((v) => (v.statuses ?? []) as unknown as ReceivedStatus[]),
    close: () => server.close(100),
  };
}

/** The sandbox in this process, on a free port, with quick status delays and retries. */
export async function startTestSandbox(
  webhookUrl: string,
  env: Record<string, string> = {},
  opts: { retryDelaysMs?: number[] } = {},
): Promise<RunningSandbox> {
  const config = loadSandboxConfig({
    NODE_ENV: 'test',
    WHATSAPP_SANDBOX_PORT: '0',
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_SANDBOX_WEBHOOK_URL: webhookUrl,
    WHATSAPP_SANDBOX_SENT_DELAY_MS: '10',
    WHATSAPP_SANDBOX_DELIVERED_DELAY_MS: '40',
    ...env,
  });
  return startSandbox(config, createLogger({ service: 'whatsapp-sandbox', level: 'silent' }), {
    retryDelaysMs: opts.retryDelaysMs ?? [20, 40],
  });
}

/** POST /{version}/{phone_number_id}/messages, as the sender calls it. */
export async function callMessages(sandbox: RunningSandbox, body: unknown, opts: { token?: string; phoneNumberId?: string } = {}) {
  const response = await fetch(`${sandbox.url}/v25.0/${opts.phoneNumberId ?? PHONE_NUMBER_ID}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${opts.token ?? TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphAnswer };
}

interface GraphAnswer {
  error?: { message: string; type: string; code: number; error_subcode?: number; error_data: { details: string }; fbtrace_id: string };
  messages?: { id: string }[];
  [field: string]: unknown;
}

/** The phone page's API, as the page calls it. */
export async function phone(sandbox: RunningSandbox, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.url}/phone/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return { status: response.status, body: (await response.json()) as { id: string; [field: string]: unknown } };
}

export const textTo = (to: string, text: string, extra: Record<string, unknown> = {}) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'text',
  text: { body: text },
  ...extra,
});
