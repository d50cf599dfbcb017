/**
 * Who a send is addressed to: its `to` (a phone number) or, for a user known only by their business-scoped
 * user id (2026), its top-level `recipient`. Meta sends to the phone when a body names both.
 */
export type Addressee = { kind: 'phone'; id: string } | { kind: 'user_id'; id: string };

export function addresseeOf(body: Record<string, unknown>): Addressee | undefined {
  if (typeof body.to === 'string') return { kind: 'phone', id: body.to };
  if (typeof body.recipient === 'string') return { kind: 'user_id', id: body.recipient };
  return undefined;
}

/** `contacts[0]` of Meta's answer to a send: the id as given, and what it names (`wa_id` or `user_id`). */
export function answerContact(addressee: Addressee): { input: string; wa_id?: string; user_id?: string } {
  return addressee.kind === 'phone' ? { input: addressee.id, wa_id: addressee.id } : { input: addressee.id, user_id: addressee.id };
}
