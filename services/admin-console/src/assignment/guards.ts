import type { LiveEventData } from '../api/types';

// Assignment's live event payloads, checked field by field before the console trusts them (api/guards.ts).

type Fields = Record<string, unknown>;
type AgentData = NonNullable<LiveEventData['agent']>;
type AssignmentData = NonNullable<LiveEventData['assignment']>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const AVAILABILITIES = ['available', 'away', 'offline'];
const REASONS = ['offered', 'assigned', 'transferred', 'handed_back', 'unanswered'];
const isAvailability = (value: unknown): value is AgentData['availability'] => isString(value) && AVAILABILITIES.includes(value);
const isRef = (value: unknown): value is { id: string; name: string } => isObject(value) && isString(value.id) && isString(value.name);
const isRefOrNull = (value: unknown) => value === null || isRef(value);

export function isAgent(value: unknown): value is AgentData {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.name) &&
    isAvailability(value.availability) &&
    isAvailability(value.chosen_availability) &&
    typeof value.capacity === 'number' &&
    typeof value.active_chats === 'number' &&
    isString(value.idle_since) &&
    (value.last_seen_at === null || isString(value.last_seen_at))
  );
}

export function isAssignmentChange(value: unknown): value is AssignmentData {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.chat_id) &&
    isString(value.student) &&
    isRefOrNull(value.from) &&
    isRefOrNull(value.to) &&
    isRefOrNull(value.by) &&
    isString(value.reason) &&
    REASONS.includes(value.reason) &&
    isString(value.at)
  );
}
