import {
  messagesChangeValueSchema,
  partitionOf,
  statusEventId,
  webhookPayloadSchema,
  type InboundMessageReceivedV1,
  type InboundStatusReceivedV1,
} from '@app/contracts';

export type SplitEvent =
  | { kind: 'message'; partition: number; event: InboundMessageReceivedV1 }
  | { kind: 'status'; partition: number; event: InboundStatusReceivedV1 };

export type SplitResult =
  | { ok: true; events: SplitEvent[]; ignoredFields: string[] }
  | { ok: false; reason: string };

/**
 * Turns one webhook into one event per message and per status, across every entry and change. Nothing is
 * produced unless the whole payload parses: a webhook is published entirely or not at all (then Meta retries).
 */
export function splitWebhook(body: unknown, ctx: { correlationId: string; now: Date }): SplitResult {
  const payload = webhookPayloadSchema.safeParse(body);
  if (!payload.success) return { ok: false, reason: `not a WhatsApp webhook: ${payload.error.issues[0]?.message}` };
  const events: SplitEvent[] = [];
  const ignoredFields: string[] = [];
  const occurredAt = ctx.now.toISOString();
  for (const entry of payload.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') {
        // Account and template updates: not a conversation's business. Acknowledged so Meta stops retrying.
        ignoredFields.push(change.field);
        continue;
      }
      const value = messagesChangeValueSchema.safeParse(change.value);
      if (!value.success) {
        const issue = value.error.issues[0];
        return { ok: false, reason: `invalid messages change at ${issue?.path.join('.')}: ${issue?.message}` };
      }
      const { metadata, contacts = [], messages = [], statuses = [] } = value.data;
      for (const message of messages) {
        const profileName = contacts.find((c) => c.wa_id === message.from)?.profile?.name;
        events.push({
          kind: 'message',
          partition: partitionOf(message.from),
          event: {
            id: message.id,
            type: 'whatsapp.inbound.message.received',
            version: 1,
            occurredAt,
            correlationId: ctx.correlationId,
            data: { phoneNumberId: metadata.phone_number_id, message, ...(profileName ? { profileName } : {}) },
          },
        });
      }
      for (const status of statuses) {
        events.push({
          kind: 'status',
          partition: partitionOf(status.recipient_id),
          event: {
            id: statusEventId(status.id, status.status),
            type: 'whatsapp.inbound.status.received',
            version: 1,
            occurredAt,
            correlationId: ctx.correlationId,
            data: { phoneNumberId: metadata.phone_number_id, status },
          },
        });
      }
    }
  }
  return { ok: true, events, ignoredFields };
}
