import { z } from 'zod';
import { studentIdSchema } from '../whatsapp/student-id';
import { conversationViewSchema, MEDIA_KINDS, mediaStatusSchema, messageViewSchema, supportStatusSchema } from './views.schema';
import {
  agentCapacitySchema,
  agentViewSchema,
  assignmentSettingsSchema,
  availabilitySchema,
  MAX_PRESENCE_USERS,
} from './assignment.schema';
import { labelColourSchema, labelNameSchema, labelViewSchema, noteTextSchema, studentProfileSchema } from './agent-tools.schema';
import {
  closureViewSchema,
  newClosureSchema,
  officeHoursSettingsSchema,
  officeHoursStatusSchema,
  officeHoursViewSchema,
} from './office-hours.schema';
import {
  consentSettingsSchema,
  consentStatusSchema,
  retentionPreviewSchema,
  retentionSettingsSchema,
  staffConsentSchema,
} from './privacy.schema';
import { csatSettingsSchema, reportQuerySchema, reportSchema } from './insight.schema';
import {
  ERASED_MEDIA_BATCH,
  eraseStudentReplySchema,
  storedTableNameSchema,
  studentDataRowsSchema,
  studentDataTablesSchema,
  studentHistoryPageSchema,
} from './student-data.schema';

// WIRE VALUES: admin-api -> conversation-engine commands and queries over NATS request/reply, served by the
// queue group topology(ns).engineRpcQueueGroup so engine replicas share them (names in ../wire.ts).
// Subject = topology(ns).engineRpcSubject(name): each `name` below is on the wire.

/** The student a command or query is about: phone digits or business-scoped user id. */
const student = studentIdSchema;

/**
 * Requests from admin-api releases before business-scoped user ids named the student `phone_number`. The
 * engine reads them through this, so an engine upgraded first keeps serving an older admin-api mid-rollout.
 */
export function upgradeLegacyEngineRequest(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const request = raw as Record<string, unknown>;
  if (request['student'] !== undefined || typeof request['phone_number'] !== 'string') return raw;
  const { phone_number: phoneNumber, ...rest } = request;
  return { ...rest, student: phoneNumber };
}

/** Who asks: every command is attributed to an admin (history, audit, assignment). */
export const actorSchema = z.object({ id: z.string().min(1), name: z.string().min(1), role: z.enum(['admin', 'agent']) });
export type Actor = z.infer<typeof actorSchema>;

const engineErrorCodeSchema = z.enum([
  'invalid_request',
  'not_found',
  'chat_not_active',
  'already_claimed',
  'outside_service_window',
  // A label's name already used by another label (any case).
  'name_taken',
  // Assignment: the named agent is offline (no console of theirs open) and cannot take a chat.
  'agent_unavailable',
  // Too many requests in hand on this replica: nothing was done, the same request may be sent again.
  'busy',
  'internal',
]);
export type EngineErrorCode = z.infer<typeof engineErrorCodeSchema>;

const reply = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: z.object({ code: engineErrorCodeSchema, message: z.string() }) }),
  ]);

/**
 * An event the engine gave up on after its bounded retries (or could not read at all): kept with what it
 * carried and why it failed, so that its partition moves on and an admin can retry it once or discard it.
 */
const PARKED_SOURCES = ['inbound', 'delivery', 'outbox'] as const;
export const PARKED_STATUSES = ['parked', 'retried', 'discarded'] as const;
export const parkedEventViewSchema = z.object({
  id: z.uuid(),
  /** inbound: a webhook event; delivery: a send result from whatsapp-sender; outbox: an outbound row the relay could not read. */
  source: z.enum(PARKED_SOURCES),
  /** The NATS subject it came on (inbound, delivery) or `outbox` for a relay row. */
  subject: z.string(),
  /** JetStream stream sequence (inbound, delivery); null for outbox rows. */
  stream_seq: z.number().int().nullable(),
  /** The student it concerns, when the payload names one; null otherwise. */
  phone_number: z.string().nullable(),
  /** The payload as received (JSON text, with what Postgres cannot store escaped), at most 64 KiB. */
  payload: z.string(),
  /** The last error, one line. */
  error: z.string(),
  attempts: z.number().int().min(0),
  status: z.enum(PARKED_STATUSES),
  parked_at: z.iso.datetime({ offset: true }),
  resolved_at: z.iso.datetime({ offset: true }).nullable(),
  /** The admin who retried or discarded it. */
  resolved_by: z.string().nullable(),
});
export type ParkedEventView = z.infer<typeof parkedEventViewSchema>;

/** How often a typing indicator may be sent to one student; Meta shows one for up to 25 s. */
export const TYPING_INDICATOR_INTERVAL_MS = 20_000;
const TYPING_NOT_SENT_REASONS = ['throttled', 'no_inbound_message', 'outside_service_window'] as const;
export const typingIndicatorResultSchema = z.discriminatedUnion('sent', [
  z.object({ sent: z.literal(true) }),
  z.object({ sent: z.literal(false), reason: z.enum(TYPING_NOT_SENT_REASONS) }),
]);
export type TypingIndicatorResult = z.infer<typeof typingIndicatorResultSchema>;

export const engineRpc = {
  /** Parked events, newest first; `status` defaults to parked (the ones still waiting for a decision). */
  listParkedEvents: {
    name: 'parked.list',
    request: z.object({
      actor: actorSchema,
      status: z.enum(PARKED_STATUSES).default('parked'),
      limit: z.number().int().min(1).max(100).default(50),
      cursor: z.string().max(200).optional(),
    }),
    reply: reply(z.object({ items: z.array(parkedEventViewSchema), next_cursor: z.string().nullable() })),
  },
  /**
   * Handles a parked event once more, now, through the same code as when it arrived (dedupe included, so a
   * retry never doubles). Success marks it retried; a failure keeps it parked with the new error and one more
   * attempt, and answers ok with that state. not_found for an unknown id; invalid_request when not parked.
   */
  retryParkedEvent: {
    name: 'parked.retry',
    request: z.object({ actor: actorSchema, id: z.uuid(), correlationId: z.string() }),
    reply: reply(z.object({ event: parkedEventViewSchema })),
  },
  /** Marks a parked event discarded (kept for the record until retention). invalid_request when not parked. */
  discardParkedEvent: {
    name: 'parked.discard',
    request: z.object({ actor: actorSchema, id: z.uuid(), correlationId: z.string() }),
    reply: reply(z.object({ event: parkedEventViewSchema })),
  },
  listConversations: {
    name: 'conversations.list',
    request: z.object({
      actor: actorSchema,
      chat_support: z.boolean().optional(),
      status: supportStatusSchema.optional(),
      q: z.string().max(100).optional(),
      /** Only conversations carrying this label. */
      label: z.uuid().optional(),
      /** Only conversations whose open support chat arrived outside office hours. */
      arrived_while_closed: z.boolean().optional(),
      limit: z.number().int().min(1).max(100).default(50),
      cursor: z.string().max(200).optional(),
    }),
    reply: reply(z.object({ items: z.array(conversationViewSchema), next_cursor: z.string().nullable() })),
  },
  listMessages: {
    name: 'conversations.messages',
    request: z.object({
      actor: actorSchema,
      student,
      limit: z.number().int().min(1).max(200).default(50),
      before: z.string().max(200).optional(),
    }),
    reply: reply(z.object({ items: z.array(messageViewSchema), next_cursor: z.string().nullable() })),
  },
  startChat: {
    name: 'chat.start',
    request: z.object({ actor: actorSchema, student, message: z.string().trim().min(1).max(4096).optional(), correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  claimChat: {
    name: 'chat.claim',
    request: z.object({ actor: actorSchema, student, correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  sendMessage: {
    name: 'chat.send',
    request: z.object({
      actor: actorSchema,
      student,
      message: z.string().trim().min(1).max(4096),
      /** The admin's Idempotency-Key (scoped to the actor by admin-api), or a fresh id. */
      idempotency_key: z.string().min(1).max(300),
      correlationId: z.string(),
    }),
    reply: reply(z.object({ message: messageViewSchema })),
  },
  /**
   * The configured re-engagement template (WHATSAPP_REENGAGEMENT_TEMPLATE), stored as the admin's message and
   * queued. The one message WhatsApp accepts outside the 24-hour window, so the window is not checked; allowed
   * for any conversation, in a support chat or not (like chat.start). Idempotent like chat.send.
   */
  sendTemplate: {
    name: 'chat.template',
    request: z.object({
      actor: actorSchema,
      student,
      idempotency_key: z.string().min(1).max(300),
      correlationId: z.string(),
    }),
    reply: reply(z.object({ message: messageViewSchema })),
  },
  /** Where the file of a message is (admin-api streams it from the media store); not_found for none. */
  getMedia: {
    name: 'media.get',
    request: z.object({ actor: actorSchema, message_id: z.uuid() }),
    reply: reply(
      z.object({
        message_id: z.string(),
        kind: z.enum(MEDIA_KINDS),
        status: mediaStatusSchema,
        /** The media store key; null until stored. */
        storage_key: z.string().nullable(),
        mime_type: z.string().nullable(),
        size: z.number().int().min(0).nullable(),
        filename: z.string().nullable(),
      }),
    ),
  },
  endChat: {
    name: 'chat.end',
    request: z.object({ actor: actorSchema, student, message: z.string().trim().min(1).max(4096).optional(), correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  /**
   * An admin is typing an answer in an active support chat: a mark-read of the student's newest message with
   * Meta's typing indicator, queued in the student's order. At most one per conversation per
   * TYPING_INDICATOR_INTERVAL_MS (kept in the engine, so replicas and double clicks share it). Not sent, and
   * said why, when throttled, when the student wrote nothing to mark, or when the 24-hour window is closed;
   * chat_not_active when the chat is not active (waiting, ended, none).
   */
  indicateTyping: {
    name: 'chat.typing',
    request: z.object({ actor: actorSchema, student, correlationId: z.string() }),
    reply: reply(typingIndicatorResultSchema),
  },
  markRead: {
    name: 'conversations.read',
    request: z.object({ actor: actorSchema, student, correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  stats: {
    name: 'stats',
    request: z.object({ actor: actorSchema }),
    reply: reply(
      z.object({
        waiting_chats: z.number().int(),
        active_chats: z.number().int(),
        oldest_waiting_since: z.iso.datetime({ offset: true }).nullable(),
        chats_today: z.number().int(),
        median_first_response_seconds: z.number().nullable(),
        /**
         * Billable messages (per-message pricing type `regular`) priced since midnight UTC, per category
         * (marketing, utility, authentication, service, ...; only categories with any). Absent from older engines.
         */
        billable_today: z.record(z.string(), z.number().int().min(0)).optional(),
        /** Support chats requested today outside office hours. Absent from older engines. */
        arrived_while_closed_today: z.number().int().min(0).optional(),
        /** Chats still waiting or active that arrived outside office hours. Absent from older engines. */
        open_arrived_while_closed: z.number().int().min(0).optional(),
        /** Office hours now (open_now true when not enabled). Absent from older engines. */
        office_hours: officeHoursStatusSchema.optional(),
      }),
    ),
  },
  /**
   * A private note of the team in the student's thread (agent tools): stored in the history in order with the
   * messages, published as message.created, never sent (no outbox row), and no change to the 24-hour window,
   * unread counts, the conversation's last message or the chat's first response. Any conversation, any chat state.
   */
  addNote: {
    name: 'notes.add',
    request: z.object({ actor: actorSchema, student, text: noteTextSchema, correlationId: z.string() }),
    reply: reply(z.object({ message: messageViewSchema })),
  },
  /** The label set, by name. */
  listLabels: {
    name: 'labels.list',
    request: z.object({ actor: actorSchema }),
    reply: reply(z.object({ items: z.array(labelViewSchema) })),
  },
  /** name_taken when another label has the name (any case); invalid_request beyond MAX_LABELS. */
  createLabel: {
    name: 'labels.create',
    request: z.object({ actor: actorSchema, name: labelNameSchema, colour: labelColourSchema, correlationId: z.string() }),
    reply: reply(z.object({ label: labelViewSchema })),
  },
  /** Rename or recolour; the conversations carrying it are published as conversation.updated. */
  updateLabel: {
    name: 'labels.update',
    request: z.object({
      actor: actorSchema,
      id: z.uuid(),
      name: labelNameSchema.optional(),
      colour: labelColourSchema.optional(),
      correlationId: z.string(),
    }),
    reply: reply(z.object({ label: labelViewSchema })),
  },
  /** Deletes a label and takes it off every conversation (each published as conversation.updated). */
  deleteLabel: {
    name: 'labels.delete',
    request: z.object({ actor: actorSchema, id: z.uuid(), correlationId: z.string() }),
    reply: reply(z.object({ label: labelViewSchema })),
  },
  /** Puts a label on the student's conversation (nothing changes when it is there already). */
  addConversationLabel: {
    name: 'conversations.label',
    request: z.object({ actor: actorSchema, student, label_id: z.uuid(), correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  /** Takes a label off the student's conversation (nothing changes when it was not there). */
  removeConversationLabel: {
    name: 'conversations.unlabel',
    request: z.object({ actor: actorSchema, student, label_id: z.uuid(), correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  /** What canned replies' placeholders are filled from; not_found for a student who never wrote. */
  studentProfile: { name: 'students.profile', request: z.object({ actor: actorSchema, student }), reply: reply(studentProfileSchema) },
  /** The office-hours schedule, its upcoming closures, and whether the team is in hours now. */
  getOfficeHours: { name: 'office-hours.get', request: z.object({ actor: actorSchema }), reply: reply(officeHoursViewSchema) },
  /** Replaces the weekly schedule and time zone as a whole (closures untouched). */
  setOfficeHours: {
    name: 'office-hours.set',
    request: z.object({ actor: actorSchema, settings: officeHoursSettingsSchema, correlationId: z.string() }),
    reply: reply(officeHoursViewSchema),
  },
  /** Adds a dated closure; invalid_request beyond MAX_CLOSURES. */
  addClosure: {
    name: 'office-hours.closures.add',
    request: z.object({ actor: actorSchema, closure: newClosureSchema, correlationId: z.string() }),
    reply: reply(z.object({ closure: closureViewSchema })),
  },
  /** Removes a closure; not_found for an unknown id. */
  removeClosure: {
    name: 'office-hours.closures.remove',
    request: z.object({ actor: actorSchema, id: z.uuid(), correlationId: z.string() }),
    reply: reply(z.object({ closure: closureViewSchema })),
  },
  /** Every agent the engine knows (seen by presence, or given a capacity), with availability and load; by name. */
  listAgents: {
    name: 'agents.list',
    request: z.object({ actor: actorSchema }),
    reply: reply(z.object({ items: z.array(agentViewSchema) })),
  },
  /**
   * admin-api's report of the users with a console open on one replica (every PRESENCE_REPORT_INTERVAL_MS):
   * each is online for PRESENCE_TTL_SECONDS more. Not an admin's command: no actor.
   */
  reportPresence: {
    name: 'agents.presence',
    request: z.object({
      users: z.array(z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200) })).max(MAX_PRESENCE_USERS),
    }),
    reply: reply(z.object({ online: z.number().int().min(0) })),
  },
  /** The actor sets their own availability (the console's top bar; offline on sign-out). */
  setAvailability: {
    name: 'agents.availability',
    request: z.object({ actor: actorSchema, availability: availabilitySchema, correlationId: z.string() }),
    reply: reply(z.object({ agent: agentViewSchema })),
  },
  /** An admin sets an agent's capacity (admin-api checks the role and names the agent as its user store knows them). */
  setAgentCapacity: {
    name: 'agents.capacity',
    request: z.object({
      actor: actorSchema,
      agent: z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200) }),
      capacity: agentCapacitySchema,
      correlationId: z.string(),
    }),
    reply: reply(z.object({ agent: agentViewSchema })),
  },
  /**
   * An admin gives the student's open chat to a named agent: a waiting chat becomes active and theirs (the
   * student is told a person joined), an active one is transferred silently. May exceed the agent's capacity
   * (an explicit choice); agent_unavailable when the agent is offline, not_found when unknown.
   */
  assignChat: {
    name: 'chat.assign',
    request: z.object({ actor: actorSchema, student, agent_id: z.string().min(1).max(200), correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  /** The assignee (or an admin) hands an active chat back to the queue, silently; already_claimed when held by another (agents). */
  handBackChat: {
    name: 'chat.handback',
    request: z.object({ actor: actorSchema, student, correlationId: z.string() }),
    reply: reply(z.object({ conversation: conversationViewSchema })),
  },
  getAssignmentSettings: {
    name: 'assignment.settings.get',
    request: z.object({ actor: actorSchema }),
    reply: reply(assignmentSettingsSchema),
  },
  setAssignmentSettings: {
    name: 'assignment.settings.set',
    request: z.object({ actor: actorSchema, settings: assignmentSettingsSchema, correlationId: z.string() }),
    reply: reply(assignmentSettingsSchema),
  },
  /** Privacy (issue 15): the school's consent rules (age band question, bands needing a guardian's consent). */
  getConsentSettings: {
    name: 'privacy.consent-settings.get',
    request: z.object({ actor: actorSchema }),
    reply: reply(consentSettingsSchema),
  },
  setConsentSettings: {
    name: 'privacy.consent-settings.set',
    request: z.object({ actor: actorSchema, settings: consentSettingsSchema, correlationId: z.string() }),
    reply: reply(consentSettingsSchema),
  },
  /** The student's age band and consent; not_found for a student who never wrote. */
  getConsent: { name: 'privacy.consent.get', request: z.object({ actor: actorSchema, student }), reply: reply(consentStatusSchema) },
  /** An admin records a guardian's consent given outside the chat (replaces an earlier record). */
  recordConsent: {
    name: 'privacy.consent.record',
    request: z.object({ actor: actorSchema, student, consent: staffConsentSchema, correlationId: z.string() }),
    reply: reply(consentStatusSchema),
  },
  /** Retention settings with what the next runs will delete. */
  getRetention: { name: 'privacy.retention.get', request: z.object({ actor: actorSchema }), reply: reply(retentionPreviewSchema) },
  setRetention: {
    name: 'privacy.retention.set',
    request: z.object({ actor: actorSchema, settings: retentionSettingsSchema, correlationId: z.string() }),
    reply: reply(retentionPreviewSchema),
  },
  /**
   * The student's data (issue 15). A conversation's history oldest first, from `after` (a cursor this gave),
   * optionally within [from, to); pages are cut short of STUDENT_DATA_PAGE_BYTES.
   */
  studentHistory: {
    name: 'students.history',
    request: z.object({
      actor: actorSchema,
      student,
      after: z.string().max(200).optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      limit: z.number().int().min(1).max(200).default(100),
    }),
    reply: reply(studentHistoryPageSchema),
  },
  /** Subject access: the student's conversation row and every table holding rows about them, with counts. */
  studentDataTables: {
    name: 'students.data.tables',
    request: z.object({ actor: actorSchema, student }),
    reply: reply(studentDataTablesSchema),
  },
  /** Subject access: one page of one table's rows about the student (every column); invalid_request for another table. */
  studentDataRows: {
    name: 'students.data.rows',
    request: z.object({
      actor: actorSchema,
      student,
      table: storedTableNameSchema,
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    reply: reply(studentDataRowsSchema),
  },
  /**
   * Erases the student everywhere the engine keeps them (one transaction), keeps a tombstone (a hash, no ids in
   * clear), removes their jobs from the sender's queues, and publishes conversation.erased. not_found when unknown.
   */
  eraseStudent: {
    name: 'students.erase',
    request: z.object({ actor: actorSchema, student, correlationId: z.string() }),
    reply: reply(eraseStudentReplySchema),
  },
  /**
   * Media store objects of erased students still to delete: `deleted` are gone (forgotten now), the reply names
   * the next ones (empty when none is left). admin-api deletes them, as it holds the media store.
   */
  erasedMedia: {
    name: 'students.erased-media',
    request: z.object({ actor: actorSchema, deleted: z.array(z.string().min(1).max(512)).max(ERASED_MEDIA_BATCH).default([]) }),
    reply: reply(z.object({ keys: z.array(z.string()).max(ERASED_MEDIA_BATCH) })),
  },
  /** The satisfaction survey: on or off, and its wording (stored or default). */
  getCsatSettings: { name: 'csat.settings.get', request: z.object({ actor: actorSchema }), reply: reply(csatSettingsSchema) },
  /** Replaces the survey's settings as a whole; applies from the next chat that ends. */
  setCsatSettings: {
    name: 'csat.settings.set',
    request: z.object({ actor: actorSchema, settings: csatSettingsSchema, correlationId: z.string() }),
    reply: reply(csatSettingsSchema),
  },
  /** Support figures for a range of days, by day or week, overall or per agent or label (insight.schema.ts). */
  report: { name: 'reports.support', request: reportQuerySchema.safeExtend({ actor: actorSchema }), reply: reply(reportSchema) },
} as const;

export type EngineRpcName = keyof typeof engineRpc;
export type EngineRpcRequest<N extends EngineRpcName> = z.input<(typeof engineRpc)[N]['request']>;
export type EngineRpcReply<N extends EngineRpcName> = z.infer<(typeof engineRpc)[N]['reply']>;
