import { createHmac, randomBytes } from 'node:crypto';

/** The business number a webhook is about (Meta's `metadata`, and the WABA id of the entry). */
export interface BusinessNumber {
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId: string;
}

export const newInboundWamid = () => `wamid.${randomBytes(18).toString('base64url')}`;
export const unixSeconds = (at = Date.now()) => String(Math.floor(at / 1000));

/** `sha256=<hex>`: the HMAC-SHA256 of the raw body keyed with the app secret, Meta's X-Hub-Signature-256. */
export function hubSignature(rawBody: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** One `messages` change as Meta batches it: contacts and messages, or statuses. */
export function buildWebhook(
  business: BusinessNumber,
  value: { contacts?: { wa_id: string; name: string }[]; messages?: Record<string, unknown>[]; statuses?: Record<string, unknown>[] },
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
              ...(value.contacts ? { contacts: value.contacts.map((c) => ({ profile: { name: c.name }, wa_id: c.wa_id })) } : {}),
              ...(value.messages ? { messages: value.messages } : {}),
              ...(value.statuses ? { statuses: value.statuses } : {}),
            },
          },
        ],
      },
    ],
  };
}

export type StatusValue = 'sent' | 'delivered' | 'read';

/** A status of one of our outbound messages, with the conversation and pricing objects Meta adds. */
export function buildStatus(opts: { wamid: string; status: StatusValue; recipientId: string; at?: number; bizOpaqueCallbackData?: unknown }) {
  const at = opts.at ?? Date.now();
  return {
    id: opts.wamid,
    status: opts.status,
    timestamp: unixSeconds(at),
    recipient_id: opts.recipientId,
    ...(opts.status === 'read'
      ? {}
      : {
          conversation: { id: `sandbox-${opts.recipientId}`, origin: { type: 'service' }, ...(opts.status === 'sent' ? { expiration_timestamp: unixSeconds(at + 86_400_000) } : {}) },
          pricing: { billable: false, pricing_model: 'CBP', category: 'service' },
        }),
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
