import {
  contactOf,
  echoRecipient,
  messageEchoesChangeValueSchema,
  messageSender,
  messagesChangeValueSchema,
  partitionOf,
  statusEventId,
  statusRecipient,
  studentKey,
  webhookPayloadSchema,
  type InboundEchoReceivedV1,
  type InboundMessageReceivedV1,
  type InboundStatusReceivedV1,
} from '@app/contracts';

/** The event's limit for a profile name or username (inbound-message-received.v1). */
const DISPLAY_TEXT_MAX = 256;

/**
 * A name to show, cut to what the event carries: a longer one from Meta must not turn the student's message
 * into an event the engine refuses. A cut never leaves half a surrogate pair behind.
 */
function displayText(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= DISPLAY_TEXT_MAX) return text;
  return text.slice(0, DISPLAY_TEXT_MAX).replace(/[\uD800-\uDBFF]$/, '');
}

export type SplitEvent =
  | { kind: 'message'; partition: number; event: InboundMessageReceivedV1 }
  | { kind: 'status'; partition: number; event: InboundStatusReceivedV1 }
  | { kind: 'echo'; partition: number; event: InboundEchoReceivedV1 };

export type SplitResult = { ok: true; events: SplitEvent[]; ignoredFields: string[] } | { ok: false; reason: string };

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
            partition: partitionOf(studentKey(echoRecipient(echo))),
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
        const sender = messageSender(message);
        // System messages (a new id for the same person) come without contacts: published like any message,
        // on the partition of the id they announce a change from, so they take their turn among its messages.
        const profile = contactOf(contacts, sender)?.profile;
        const profileName = displayText(profile?.name);
        const username = displayText(profile?.username);
        events.push({
          kind: 'message',
          // The BSUID when the payload carries one, else the phone: a student's messages share one partition.
          partition: partitionOf(studentKey(sender)),
          event: {
            id: message.id,
            type: 'whatsapp.inbound.message.received',
            version: 1,
            occurredAt,
            correlationId: ctx.correlationId,
            data: {
              phoneNumberId: metadata.phone_number_id,
              message,
              ...(profileName ? { profileName } : {}),
              ...(username ? { username } : {}),
            },
          },
        });
      }
      for (const status of statuses) {
        events.push({
          kind: 'status',
          partition: partitionOf(studentKey(statusRecipient(status))),
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
