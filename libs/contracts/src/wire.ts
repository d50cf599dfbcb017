// Wire values: renaming any of these breaks running deployments.
//
// Every name here is seen by another process (NATS subjects, JetStream streams and durable consumers, BullMQ
// queues and job names, request/reply queue groups, headers) or stored by one (a durable consumer's
// position, a queued job). topology(ns) composes them under a namespace. The request/reply method names sit
// beside their schemas (admin/engine-rpc.ts, admin/sender-rpc.ts) and are wire values too.

/**
 * One student's inbound events always land in the same partition (partitionOf(studentKey(...))), and each
 * partition is leased to one engine replica at a time, which handles its events in stream order: whatever the
 * number of replicas, a student's events are handled one after another. Changing the count re-shuffles
 * students between partitions: drain first.
 */
export const INBOUND_PARTITIONS = 16;

export const WIRE = {
  streams: { inbound: 'INBOUND', delivery: 'DELIVERY' },
  subjects: {
    inbound: 'wa.inbound',
    delivery: 'wa.delivery',
    engineRpc: 'engine.rpc',
    engineEvents: 'engine.events',
    senderRpc: 'sender.rpc',
  },
  /** Under `subjects.delivery`, inside the DELIVERY stream: what the sender reports back to the engine. */
  deliverySubjects: {
    sendResult: 'result',
    /** Interim notes on a send that is being retried (outbound-send-retrying.v1), next to its result. */
    sendRetrying: 'retrying',
    readResult: 'read-result',
    mediaDownloaded: 'media.downloaded',
    mediaDownloadFailed: 'media.failed',
  },
  consumers: { engineInbound: 'engine-inbound', engineDelivery: 'engine-delivery' },
  queues: { outbound: 'whatsapp-outbound', mediaDownload: 'whatsapp-media-download' },
  /** Send and mark-read jobs share the outbound queue; media downloads have their own. */
  jobs: { sendMessage: 'send-message', markRead: 'mark-read', downloadMedia: 'download-media' },
  /** Replicas of a service share request/reply requests: each request is answered by one of them. */
  queueGroups: { engineRpc: 'conversation-engine', senderRpc: 'whatsapp-sender' },
  headers: { correlationId: 'x-correlation-id' },
} as const;

/**
 * Live events the engine publishes (core NATS) after each commit, on topology(ns).engineEventsSubject(name).
 * Every admin-api replica subscribes (no queue group) and forwards them to its SSE clients.
 */
export const ENGINE_EVENT_NAMES = [
  'message.created',
  'message.status',
  'conversation.updated',
  // Assignment: a chat's assignee changed (`assignment`, with `conversation`); an agent's availability,
  // capacity or load changed (`agent`; phone_number and user_id null).
  'assignment.changed',
  'agent.updated',
  // The student was erased (issue 15): consoles drop the conversation; only phone_number and user_id are set.
  'conversation.erased',
  // Office hours (issue 14): the schedule or a closure changed (`office_hours`, as now; phone_number and user_id null).
  'office_hours.updated',
] as const;
