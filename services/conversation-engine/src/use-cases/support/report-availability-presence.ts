import { PRESENCE_TTL_SECONDS } from '@app/contracts';
import { recordPresence } from '../../db/repositories/agents.repository';
import type { Committed } from '../shared/changes';
import type { SupportDeps } from '../shared/support-transaction';

/**
 * admin-api's presence report: these users have a console open on one of its replicas, so each is online
 * for PRESENCE_TTL_SECONDS more (several replicas reporting the same user only extend it). Kept in Postgres,
 * not in any one process, so every engine and admin-api replica sees the same team. An agent available by
 * choice who comes back online may take waiting chats: offers follow (queueChanged).
 */
export async function reportAvailabilityPresence(
  deps: SupportDeps,
  request: { users: readonly { id: string; name: string }[] },
): Promise<Committed<{ online: number }>> {
  const now = deps.now();
  const users = [...new Map(request.users.map((u) => [u.id, u])).values()];
  const back = await recordPresence(deps.db, users, now, new Date(now.getTime() + PRESENCE_TTL_SECONDS * 1000));
  return {
    outcome: { online: users.length },
    changes: { messagesCreated: [], messagesStatus: [], conversations: [], queueChanged: back.length > 0, agents: back },
  };
}
