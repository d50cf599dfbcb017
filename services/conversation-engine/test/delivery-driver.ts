import { randomUUID } from 'node:crypto';
import {
  mediaEventId,
  partitionOf,
  sendResultEventIdFor,
  sendRetryingEventIdFor,
  topology,
  type InboundStatusReceivedV1,
  type MediaDownloadedV1,
  type MediaDownloadFailedV1,
  type OutboundReadResultV1,
  type OutboundSendResultV1,
  type OutboundSendRetryingV1,
} from '@app/contracts';
import type { Selectable } from 'kysely';
import { publishEvent } from '@app/messaging';
import { buildStatus, pollUntil } from '@app/testing';
import type { MessagesTable } from '../src/db/tables/conversation-tables';
import type { OutboxJob } from '../src/domain/outbox-job';
import { relayReadyOutbox } from '../src/use-cases/outbox/relay-ready-outbox';
import type { EngineHarness } from './engine-harness';

const STATES = ['waiting', 'delayed', 'active', 'prioritized', 'completed', 'failed'] as const;

/**
 * whatsapp-sender as the engine sees it: the outcomes it publishes on the DELIVERY stream (send and read
 * results, under the retry's event id; media downloaded or failed), Meta's status webhooks, and the jobs the
 * engine's relay put in its queues.
 */
export function deliveryDriver(h: EngineHarness) {
  const names = topology(h.namespace);
  const envelope = () => ({ occurredAt: new Date().toISOString(), correlationId: `test-${randomUUID()}` });
  // A msgID of its own: the engine's dedupe (its table), not JetStream's window, must keep a repeat out.
  const publish = (subject: string, event: { id: string; correlationId: string }, repeat = false) =>
    repeat
      ? h.js.publish(subject, JSON.stringify(event), { msgID: `${event.id}-repeat-${randomUUID()}` })
      : publishEvent(h.js, subject, event);

  const jobs = async (queue: EngineHarness['queue']) =>
    (await queue.getJobs([...STATES]))
      .map((j) => ({ id: j.id, name: j.name, data: j.data as Record<string, unknown> }))
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));

  return {
    names,
    async sendResult(data: OutboundSendResultV1['data'], retry = 0, opts: { repeat?: boolean } = {}) {
      const event: OutboundSendResultV1 = {
        id: sendResultEventIdFor(data.messageId, retry),
        type: 'whatsapp.outbound.send.result',
        version: 1,
        ...envelope(),
        data,
      };
      await publish(names.sendResultSubject, event, opts.repeat);
    },
    /** The sender's note that an attempt failed and will be retried (`retry`: the admin retry it belongs to). */
    async sendRetrying(data: OutboundSendRetryingV1['data'], retry = 0, opts: { repeat?: boolean } = {}) {
      const event: OutboundSendRetryingV1 = {
        id: sendRetryingEventIdFor(data.messageId, retry, data.attempt),
        type: 'whatsapp.outbound.send.retrying',
        version: 1,
        ...envelope(),
        data,
      };
      await publish(names.sendRetryingSubject, event, opts.repeat);
    },
    async readResult(data: OutboundReadResultV1['data'], retry = 0) {
      const event: OutboundReadResultV1 = {
        id: sendResultEventIdFor(data.requestId, retry),
        type: 'whatsapp.outbound.read.result',
        version: 1,
        ...envelope(),
        data,
      };
      await publish(names.readResultSubject, event);
    },
    async mediaDownloaded(data: MediaDownloadedV1['data'], opts: { repeat?: boolean } = {}) {
      const event: MediaDownloadedV1 = {
        id: mediaEventId(data.mediaId, 'downloaded'),
        type: 'whatsapp.media.downloaded',
        version: 1,
        ...envelope(),
        data,
      };
      await publish(names.mediaDownloadedSubject, event, opts.repeat);
    },
    async mediaFailed(data: MediaDownloadFailedV1['data']) {
      const event: MediaDownloadFailedV1 = {
        id: mediaEventId(data.mediaId, 'failed'),
        type: 'whatsapp.media.download.failed',
        version: 1,
        ...envelope(),
        data,
      };
      await publish(names.mediaDownloadFailedSubject, event);
    },
    /** Meta's status webhook of one of our messages, through the INBOUND stream like the gateway publishes it. */
    async status(
      phone: string,
      wamid: string,
      status: string,
      errors?: { code: number; title: string }[],
      extra: Record<string, unknown> = {},
    ) {
      const event: InboundStatusReceivedV1 = {
        id: `${wamid}:${status}`,
        type: 'whatsapp.inbound.status.received',
        version: 1,
        ...envelope(),
        data: {
          phoneNumberId: '100000000000001',
          status: {
            ...buildStatus({ id: wamid, status, recipientId: phone, ...(errors ? { errors } : {}) }),
            ...extra,
          } as InboundStatusReceivedV1['data']['status'],
        },
      };
      await publishEvent(h.js, h.t.inboundSubject(partitionOf(phone), 'status'), event);
    },
    /** Every job of the outbound queue (sends and mark-reads), by job id. */
    outboundJobs: () => jobs(h.queue),
    mediaJobs: () => jobs(h.mediaQueue),
    /** Waits until the outbound queue holds a job with this id. */
    async outboundJob(id: string) {
      return pollUntil(async () => (await jobs(h.queue)).find((j) => j.id === id), { message: `job ${id} in the outbound queue` });
    },
    /**
     * Whether an outbox row is held back (not ready to relay): a relay pass of our own, racing the engine's,
     * must not take it, and nobody has. If it were ready, one of the two relays would have it.
     */
    async heldBack(outboxId: string) {
      const taken: OutboxJob[] = [];
      await relayReadyOutbox({ db: h.db, enqueue: async (jobs) => void taken.push(...jobs), now: () => new Date() });
      const row = await h.db.selectFrom('outbox').select(['relayed_at']).where('id', '=', outboxId).executeTakeFirstOrThrow();
      return taken.length === 0 && row.relayed_at === null;
    },
    /** Reports every outbound message still queued to the student as accepted, and waits until all are sent. */
    async settleAll(phone: string) {
      const queued = async () =>
        (await h.conversationRows(phone)).messages.filter((m) => m.direction === 'outbound' && m.status === 'queued');
      for (const m of await queued())
        await this.sendResult({ outcome: 'accepted', messageId: m.id, wamid: `wamid.OUT-${m.id}`, attempts: 1 });
      await pollUntil(async () => (await queued()).length === 0, { message: `every message to ${phone} settled` });
    },
    async outboxRows(phone: string, kind?: string) {
      let query = h.db
        .selectFrom('outbox')
        .innerJoin('conversations', 'conversations.id', 'outbox.conversation_id')
        .selectAll('outbox')
        .where('conversations.phone_number', '=', phone);
      if (kind) query = query.where('outbox.kind', '=', kind as 'send');
      return query.orderBy('outbox.seq').execute();
    },
    async message(id: string) {
      return h.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    },
    /** Waits until the message matches (its status, say), and returns it. */
    async messageWhen(id: string, match: (m: Selectable<MessagesTable>) => boolean, what: string) {
      return pollUntil(
        async () => {
          const row = await h.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
          return row && match(row) ? row : undefined;
        },
        { message: what },
      );
    },
  };
}

export type DeliveryDriver = ReturnType<typeof deliveryDriver>;
