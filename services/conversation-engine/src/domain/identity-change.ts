import { bsuidSchema, waIdSchema, type WhatsAppMessage } from '@app/contracts';

/** What a `system` message announces of the sender's ids, if it announces anything usable. */
export type IdentityChange = { kind: 'user_id'; userId: string } | { kind: 'phone'; phone: string };

const PHONE_CHANGES = new Set(['user_changed_number', 'customer_changed_number']);

/**
 * Meta's `system` messages: `user_changed_user_id` carries the new BSUID in `user_id`; `user_changed_number`
 * and the older `customer_changed_number` the new phone in `wa_id` (`new_wa_id` in old payloads, sometimes a
 * number). Any other type, or an id that is not one, changes nothing (the message is still kept).
 */
export function identityChange(message: Pick<WhatsAppMessage, 'type' | 'system'>): IdentityChange | undefined {
  const system = message.system;
  if (message.type !== 'system' || !system) return undefined;
  if (system.type === 'user_changed_user_id') {
    const userId = bsuidSchema.safeParse(system.user_id);
    return userId.success ? { kind: 'user_id', userId: userId.data } : undefined;
  }
  if (system.type !== undefined && PHONE_CHANGES.has(system.type)) {
    const raw = system.wa_id ?? system.new_wa_id;
    const phone = waIdSchema.safeParse(raw === undefined ? undefined : String(raw).replace(/^\+/, ''));
    return phone.success ? { kind: 'phone', phone: phone.data } : undefined;
  }
  return undefined;
}

/** The history's text of a system message: Meta's own sentence, else its type. */
export function systemMessageText(message: Pick<WhatsAppMessage, 'system'>): string {
  return message.system?.body ?? `[${message.system?.type ?? 'system'}]`;
}
