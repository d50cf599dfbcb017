import { createHmac, randomBytes } from 'node:crypto';

let counter = 0;
export const newWamid = () => `wamid.TEST${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(6).toString('hex')}`;

/** A fresh student number per test: isolation without cleanup. */
export const newPhone = () => `44${7000000000 + Math.floor(Math.random() * 999_999_999)}`;

/** A fresh business-scoped user id (2026), shaped as Meta's: country code, dot, digits. */
export const newBsuid = (country = 'NG') => `${country}.${Date.now()}${randomBytes(5).readUIntBE(0, 5)}`;

/**
 * The sender of a message as a 2026 payload names them: `from` (phone) and/or `from_user_id` (BSUID). Spread it
 * into a builder's overrides: buildTextMessage({...sender({userId}), text: 'hi'}) for a username-only student.
 */
export function sender(ref: { phone?: string | null; userId?: string | null }): { from?: string; from_user_id?: string } {
  return { ...(ref.phone ? { from: ref.phone } : {}), ...(ref.userId ? { from_user_id: ref.userId } : {}) };
}

export interface MessageOverrides {
  /** The sender's phone; a new one unless `from_user_id` is given (then the message has no phone). */
  from?: string;
  from_user_id?: string;
  id?: string;
  text?: string;
  timestamp?: string;
  type?: string;
  [key: string]: unknown;
}

export function buildTextMessage({ from, id = newWamid(), text = 'hi', timestamp, ...rest }: MessageOverrides = {}) {
  const phone = from ?? (rest.from_user_id === undefined ? newPhone() : undefined);
  return {
    ...(phone !== undefined ? { from: phone } : {}),
    id,
    timestamp: timestamp ?? String(Math.floor(Date.now() / 1000)),
    type: 'text',
    text: { body: text },
    ...rest,
  };
}

export function buildButtonReply(opts: { from?: string; from_user_id?: string; id?: string; replyId: string; title?: string }) {
  return {
    ...sender({ phone: opts.from ?? null, userId: opts.from_user_id ?? null }),
    id: opts.id ?? newWamid(),
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: 'interactive',
    interactive: { type: 'button_reply', button_reply: { id: opts.replyId, title: opts.title ?? opts.replyId } },
  };
}

export function buildListReply(opts: { from?: string; from_user_id?: string; id?: string; replyId: string; title?: string }) {
  return {
    ...sender({ phone: opts.from ?? null, userId: opts.from_user_id ?? null }),
    id: opts.id ?? newWamid(),
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: 'interactive',
    interactive: { type: 'list_reply', list_reply: { id: opts.replyId, title: opts.title ?? opts.replyId } },
  };
}

export function buildStatus(opts: { id: string; status: string; recipientId?: string; recipientUserId?: string; errors?: unknown[] }) {
  return {
    id: opts.id,
    status: opts.status,
    timestamp: String(Math.floor(Date.now() / 1000)),
    ...(opts.recipientId !== undefined ? { recipient_id: opts.recipientId } : {}),
    ...(opts.recipientUserId !== undefined ? { recipient_user_id: opts.recipientUserId } : {}),
    ...(opts.errors ? { errors: opts.errors } : {}),
  };
}

/**
 * Meta's announcement that a user has a new id (no contacts accompany it): `user_changed_user_id` with the new
 * BSUID, or `user_changed_number`/`customer_changed_number` with the new phone. `from`/`from_user_id` are the
 * ids the student had before.
 */
export function buildIdentityChange(opts: {
  type: 'user_changed_user_id' | 'user_changed_number' | 'customer_changed_number';
  from?: string;
  fromUserId?: string;
  newUserId?: string;
  newPhone?: string;
  id?: string;
}) {
  return {
    ...(opts.from !== undefined ? { from: opts.from } : {}),
    ...(opts.fromUserId !== undefined ? { from_user_id: opts.fromUserId } : {}),
    id: opts.id ?? newWamid(),
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: 'system',
    system: {
      type: opts.type,
      body: 'User changed their WhatsApp account',
      ...(opts.newUserId !== undefined ? { user_id: opts.newUserId } : {}),
      ...(opts.newPhone !== undefined ? { wa_id: opts.newPhone } : {}),
    },
  };
}

/**
 * A webhook payload as Meta sends it; several messages/statuses in one change, or several changes. Each
 * sender gets a contact entry as in 2026 payloads: `wa_id` when the message has `from`, `user_id` when it has
 * `from_user_id`, `profile.username` when `username` is given. System messages get none (as Meta's).
 */
export function buildInboundWebhook(
  opts: {
    messages?: ReturnType<typeof buildTextMessage>[] | Record<string, unknown>[];
    statuses?: Record<string, unknown>[];
    phoneNumberId?: string;
    profileName?: string;
    username?: string;
  } = {},
) {
  const phoneNumberId = opts.phoneNumberId ?? '100000000000001';
  const messages = opts.messages ?? [];
  const seen = new Set<string>();
  const contacts = messages.flatMap((m) => {
    if (m.type === 'system') return [];
    const phone = typeof m.from === 'string' ? m.from : undefined;
    const userId = typeof m.from_user_id === 'string' ? m.from_user_id : undefined;
    const key = `${phone ?? ''}|${userId ?? ''}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const profile = { name: opts.profileName ?? 'Test Student', ...(opts.username !== undefined ? { username: opts.username } : {}) };
    return [{ profile, ...(phone !== undefined ? { wa_id: phone } : {}), ...(userId !== undefined ? { user_id: userId } : {}) }];
  });
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
              ...(contacts.length ? { contacts } : {}),
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
export function buildMessageEcho({
  to = newPhone(),
  id = newWamid(),
  text = 'Hello from the school office',
  from = '15550783881',
  ...rest
}: { to?: string; id?: string; text?: string; from?: string; [key: string]: unknown } = {}) {
  return { from, to, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text }, ...rest };
}

/** A coexistence webhook: `smb_message_echoes` by default, or another field (`history`, `smb_app_state_sync`) with its value. */
export function buildCoexistenceWebhook(
  opts: { echoes?: Record<string, unknown>[]; field?: string; value?: Record<string, unknown> } = {},
) {
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
