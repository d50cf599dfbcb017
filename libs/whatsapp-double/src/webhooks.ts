import { createHmac, randomBytes } from 'node:crypto';

/** The business number a webhook is about (Meta's `metadata`, and the WABA id of the entry). */
export interface BusinessNumber {
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId: string;
}

export const newInboundWamid = () => `wamid.${randomBytes(18).toString('base64url')}`;
export const unixSeconds = (at = Date.now()) => String(Math.floor(at / 1000));

/** A business-scoped user id shaped as Meta's (`US.13491208655302741918`): a country code, a dot, 20 digits. */
export const newBusinessScopedUserId = (country = 'NG') => `${country}.${[...randomBytes(20)].map((byte) => String(byte % 10)).join('')}`;

/** `sha256=<hex>`: the HMAC-SHA256 of the raw body keyed with the app secret, Meta's X-Hub-Signature-256. */
function hubSignature(rawBody: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * A sender as a 2026 `contacts[]` entry names them: `wa_id` only when their phone is shared, `user_id` (their
 * business-scoped user id) once they have one, `profile.username` when they adopted a username.
 */
export interface WebhookContact {
  wa_id?: string;
  user_id?: string;
  name?: string;
  username?: string;
}

const contactEntry = (c: WebhookContact) => ({
  profile: { ...(c.name === undefined ? {} : { name: c.name }), ...(c.username === undefined ? {} : { username: c.username }) },
  ...(c.wa_id === undefined ? {} : { wa_id: c.wa_id }),
  ...(c.user_id === undefined ? {} : { user_id: c.user_id }),
});

/** One `messages` change as Meta batches it: contacts and messages, or statuses (with their contacts). */
export function buildWebhook(
  business: BusinessNumber,
  value: { contacts?: WebhookContact[]; messages?: Record<string, unknown>[]; statuses?: Record<string, unknown>[] },
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: business.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId },
              ...(value.contacts ? { contacts: value.contacts.map(contactEntry) } : {}),
              ...(value.messages ? { messages: value.messages } : {}),
              ...(value.statuses ? { statuses: value.statuses } : {}),
            },
          },
        ],
      },
    ],
  };
}

/** The sender of an inbound message as 2026 payloads name them: `from` only with a shared phone, `from_user_id` once they have a BSUID. */
export function messageSenderFields(sender: { phone?: string; userId?: string }) {
  return {
    ...(sender.phone === undefined ? {} : { from: sender.phone }),
    ...(sender.userId === undefined ? {} : { from_user_id: sender.userId }),
  };
}

export type StatusValue = 'sent' | 'delivered' | 'read';

/** Per-message pricing (since 1 Jul 2025): `type` says whether the message is billed, `category` its rate. */
export interface StatusPricing {
  type: 'regular' | 'free_customer_service' | 'free_entry_point';
  category:
    'marketing' | 'utility' | 'authentication' | 'authentication_international' | 'marketing_lite' | 'service' | 'referral_conversion';
}

/**
 * What a send is priced as: a template is a billed utility message (this school sends no marketing); any other
 * send can only be a reply inside the student's service window, which is free.
 */
export function pricingOf(body: Record<string, unknown>): StatusPricing {
  return body.type === 'template' ? { type: 'regular', category: 'utility' } : { type: 'free_customer_service', category: 'service' };
}

/**
 * A status of one of our outbound messages (sent, delivered, read), each with its per-message `pricing`.
 * `recipient_id` only when the message went to a phone; `recipient_user_id` whenever the recipient has a
 * business-scoped user id (so always, for a message sent to one).
 */
export function buildStatus(opts: {
  wamid: string;
  status: StatusValue;
  recipientId?: string;
  recipientUserId?: string;
  /** StatusPricing's values; a plain string is taken as given (a value Meta adds later). */
  pricing?: { type: string; category: string };
  at?: number;
  bizOpaqueCallbackData?: unknown;
}) {
  if (opts.recipientId === undefined && opts.recipientUserId === undefined)
    throw new Error('a status names its recipient by phone or by user id');
  const at = opts.at ?? Date.now();
  const pricing = opts.pricing ?? { type: 'free_customer_service', category: 'service' };
  return {
    id: opts.wamid,
    status: opts.status,
    timestamp: unixSeconds(at),
    ...(opts.recipientId === undefined ? {} : { recipient_id: opts.recipientId }),
    ...(opts.recipientUserId === undefined ? {} : { recipient_user_id: opts.recipientUserId }),
    pricing: { billable: pricing.type === 'regular', pricing_model: 'PMP', ...pricing },
    ...(typeof opts.bizOpaqueCallbackData === 'string' ? { biz_opaque_callback_data: opts.bizOpaqueCallbackData } : {}),
  };
}

/** POSTs a webhook the way Meta does: the raw JSON bytes with their signature. Answers the HTTP status. */
export async function postSignedWebhook(url: string, payload: unknown, appSecret: string, timeoutMs = 10_000): Promise<number> {
  const raw = JSON.stringify(payload);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(raw, appSecret) },
    body: raw,
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer();
  return response.status;
}
