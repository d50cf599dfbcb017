import type { WhatsAppPricing } from '@app/contracts';

/** What a status webhook says Meta charges for one message (per-message pricing). */
export interface MessagePricing {
  type: string | null;
  category: string | null;
  /** When Meta priced it: the status's own timestamp, so a webhook Meta redelivers days later counts on its day. */
  pricedAt: Date;
}

/** Meta bills a message whose pricing type is `regular`; `free_customer_service` and `free_entry_point` are free. */
export const BILLABLE_PRICING_TYPE = 'regular';

export const isBillable = (type: string | null | undefined): boolean => type === BILLABLE_PRICING_TYPE;

/** The pricing of a status, or null when it carries none worth keeping (no type and no category). */
export function pricingOfStatus(pricing: WhatsAppPricing | undefined, statusTimestamp: string): MessagePricing | null {
  if (!pricing) return null;
  const type = pricing.type ?? null;
  const category = pricing.category ?? null;
  if (type === null && category === null) return null;
  return { type, category, pricedAt: new Date(Number(statusTimestamp) * 1000) };
}
