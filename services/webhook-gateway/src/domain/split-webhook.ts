import {
  echoRecipient,
  messageEchoesChangeValueSchema,
  messagesChangeValueSchema,
  partitionOf,
  statusEventId,
  webhookPayloadSchema,
  type InboundEchoReceivedV1,
  type InboundMessageReceivedV1,
  type InboundStatusReceivedV1,
} from '@app/contracts';

export type SplitEvent =
  | { kind: 'message'; partition: number; event: InboundMessageReceivedV1 }
  | { kind: 'status'; partition: number; event: InboundStatusReceivedV1 }
  | { kind: 'echo'; partition: number; event: InboundEchoReceivedV1 };

export type SplitResult =
  | { ok: true; events: SplitEvent[]; ignoredFields: string[] }
  | { ok: false; reason: string };

/**
 * Turns one webhook into one event per message, per status and per echo (coexistence), across every entry and
 * change. Nothing is produced unless the whole payload parses: a webhook is published entirely or not at all
 * (then Meta retries).
 */
export function splitWebhook(body: unknown, ctx: { correlationId: string; now: Date }): SplitResult {
  const payload = webhookPayloadSchema.safeParse(body);
  if (!payload.success) return { ok: false, reason: `not a WhatsApp webhook: ${payload.error.issues[0]?.message}` };
  const events: SplitEvent[] = [];
  const ignoredFields: string[] = [];
  const occurredAt = ctx.now.toISOString();
  for (const entry of payload.data.entry) {
    for (const change of entry.changes) {
      if (change.field === 'smb_message_echoes') {
        const echoes = messageEchoesChangeValueSchema.safeParse(change.value);
        if (!echoes.success) {
          const issue = echoes.error.issues[0];
          return { ok: false, reason: `invalid smb_message_echoes change at ${issue?.path.join('.')}: ${issue?.message}` };
        }
        for (const echo of echoes.data.message_echoes ?? []) {
          events.push({
            kind: 'echo',
            // The student's partition, as their own messages: the echo takes its turn among them.
            partition: partitionOf(echoRecipient(echo)),
            event: {
              id: echo.id,
              type: 'whatsapp.inbound.echo.received',
              version: 1,
              occurredAt,
              correlationId: ctx.correlationId,
              data: { phoneNumberId: echoes.data.metadata.phone_number_id, echo },
            },
          });
        }
        continue;
      }
      if (change.field !== 'messages') {
        // Account and template updates, and coexistence's `history` and `smb_app_state_sync` (the app's past
        // chats and contacts): not a conversation's business here. Acknowledged so Meta stops retrying.
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
