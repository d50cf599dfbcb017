import { z } from 'zod';

// WIRE VALUES: the shapes of assignment (who handles which support chat) shared by the engine's RPC replies,
// its live events and admin-api's REST answers. Availability is what the agent chose; an agent whose
// console has not been seen for a while is offline whatever they chose (presence, reported by admin-api).

const AVAILABILITIES = ['available', 'away', 'offline'] as const;
export const availabilitySchema = z.enum(AVAILABILITIES);
export type Availability = z.infer<typeof availabilitySchema>;

/** Most chats an agent may hold at once; an admin sets it per agent. */
const MAX_AGENT_CAPACITY = 50;
export const agentCapacitySchema = z.number().int().min(0).max(MAX_AGENT_CAPACITY);

/** How long admin-api's presence report keeps an agent online: a few report intervals (20 s), so one late report is harmless. */
export const PRESENCE_TTL_SECONDS = 60;
/** Bounded: one report names at most this many connected users. */
export const MAX_PRESENCE_USERS = 500;

export const agentViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Effective: `offline` when no console of theirs was seen lately, else what they chose. */
  availability: availabilitySchema,
  /** What they chose in the console (kept while they are offline). */
  chosen_availability: availabilitySchema,
  capacity: agentCapacitySchema,
  /** Chats assigned to them and active now. */
  active_chats: z.number().int().min(0),
  /** Since when they have had nothing new: their last assignment or the end of their last chat. */
  idle_since: z.iso.datetime({ offset: true }),
  last_seen_at: z.iso.datetime({ offset: true }).nullable(),
});
export type AgentView = z.infer<typeof agentViewSchema>;

const ASSIGNMENT_REASONS = ['offered', 'assigned', 'transferred', 'handed_back', 'unanswered'] as const;
const assignmentReasonSchema = z.enum(ASSIGNMENT_REASONS);
export type AssignmentReason = z.infer<typeof assignmentReasonSchema>;

const agentRef = z.object({ id: z.string(), name: z.string() });

/**
 * One change of a chat's assignee. `id` is unique per change: admin-api audits engine-initiated changes
 * (by `system`) keyed by it, so several replicas receiving the same event write one audit entry.
 */
export const assignmentChangeSchema = z.object({
  id: z.uuid(),
  chat_id: z.uuid(),
  /** The student: phone digits or business-scoped user id (the audit target). */
  student: z.string(),
  from: agentRef.nullable(),
  /** Null: back to the queue. */
  to: agentRef.nullable(),
  reason: assignmentReasonSchema,
  /** The admin who decided it, or null when the engine did (auto-offer, auto-reassign). */
  by: agentRef.nullable(),
  at: z.iso.datetime({ offset: true }),
});
export type AssignmentChange = z.infer<typeof assignmentChangeSchema>;

/** 0 turns auto-reassign off. At most a day: a longer silence is the 24-hour window closing anyway. */
export const assignmentSettingsSchema = z.object({
  auto_reassign_after_seconds: z.number().int().min(0).max(86_400),
});
export type AssignmentSettings = z.infer<typeof assignmentSettingsSchema>;
