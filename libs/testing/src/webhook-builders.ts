import { createHmac, randomBytes } from 'node:crypto';

let counter = 0;
export const newWamid = () => `wamid.TEST${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(6).toString('hex')}`;

/** A fresh student number per test: isolation without cleanup. */
export const newPhone = () => `44${7000000000 + Math.floor(Math.random() * 999_999_999)}`;

export interface MessageOverrides {
  from?: string;
  id?: string;
  text?: string;
  timestamp?: string;
  type?: string;
  [key: string]: unknown;
}

export function buildTextMessage({ from = newPhone(), id = newWamid(), text = 'hi', timestamp, ...rest }: MessageOverrides = {}) {
  return {
    from,
    id,
    timestamp: timestamp ?? String(Math.floor(Date.now() / 1000)),
    type: 'text',
    text: { body: text },
    ...rest,
  };
}

export function buildButtonReply(opts: { from: string; id?: string; replyId: string; title?: string }) {
  return {
    from: opts.from,
    id: opts.id ?? newWamid(),
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: 'interactive',
    interactive: { type: 'button_reply', button_reply: { id: opts.replyId, title: opts.title ?? opts.replyId } },
  };
}

export function buildListReply(opts: { from: string; id?: string; replyId: string; title?: string }) {
  return {
    from: opts.from,
    id: opts.id ?? newWamid(),
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: 'interactive',
    interactive: { type: 'list_reply', list_reply: { id: opts.replyId, title: opts.title ?? opts.replyId } },
  };
}

export function buildStatus(opts: { id: string; status: string; recipientId: string; errors?: unknown[] }) {
  return {
    id: opts.id,
    status: opts.status,
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: opts.recipientId,
    ...(opts.errors ? { errors: opts.errors } : {}),
  };
}

/** A webhook payload as Meta sends it; several messages/statuses in one change, or several changes. */
export function buildInboundWebhook(opts: {
  messages?: ReturnType<typeof buildTextMessage>[] | Record<string, unknown>[];
  statuses?: Record<string, unknown>[];
  phoneNumberId?: string;
  profileName?: string;
} = {}) {
  const phoneNumberId = opts.phoneNumberId ?? '100000000000001';
  const messages = opts.messages ?? [];
  const senders = [...new Set(messages.map((m) => String(m.from)))];
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              ...(senders.length
                ? { contacts: senders.map((wa_id) => ({ profile: { name: opts.profileName ?? 'Test Student' }, wa_id })) }
                : {}),
              ...(messages.length ? { messages } : {}),
              ...(opts.statuses?.length ? { statuses: opts.statuses } : {}),
            },
          },
        ],
      },
    ],
  };
}

export function signPayload(rawBody: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** POSTs a webhook the way Meta does: raw JSON bytes and their X-Hub-Signature-256. */
export async function postWebhook(gatewayUrl: string, payload: unknown, appSecret: string, signature?: string) {
  const raw = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return fetch(`${gatewayUrl}/api/webhook/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature ?? signPayload(raw, appSecret) },
    body: raw,
  });
}

/** A message the school sent from the WhatsApp Business app, as `smb_message_echoes` reports it (coexistence). */
export function buildMessageEcho({ to = newPhone(), id = newWamid(), text = 'Hello from the school office', from = '15550783881', ...rest }: { to?: string; id?: string; text?: string; from?: string; [key: string]: unknown } = {}) {
  return { from, to, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text }, ...rest };
}

/** A coexistence webhook: `smb_message_echoes` by default, or another field (`history`, `smb_app_state_sync`) with its value. */
export function buildCoexistenceWebhook(opts: { echoes?: Record<string, unknown>[]; field?: string; value?: Record<string, unknown> } = {}) {
  const metadata = { display_phone_number: '15550783881', phone_number_id: '100000000000001' };
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: opts.field ?? 'smb_message_echoes',
            value: opts.value ?? { messaging_product: 'whatsapp', metadata, message_echoes: opts.echoes ?? [] },
          },
        ],
      },
    ],
  };
}
