import { MAX_PRESENCE_USERS } from '@app/contracts';
import { actorOf } from '../domain/actor';
import type { AdminUser } from '../domain/admin-user';
import type { EngineGateway } from '../domain/engine-gateway';

export interface ReportPresenceDeps {
  /** Users with an event stream open on this replica now. */
  connectedUserIds(): string[];
  findUsers(ids: string[]): Promise<AdminUser[]>;
  engine: Pick<EngineGateway, 'reportPresence'>;
}

/**
 * Tells the engine who has a console open here (an open event stream), so they count as online for a
 * minute more. Each replica reports its own clients on a timer; the engine keeps the union in Postgres, so
 * presence survives any one replica and needs no sticky sessions. Disabled users are left out.
 */
export async function reportPresence(deps: ReportPresenceDeps, correlationId: string): Promise<number> {
  const ids = [...new Set(deps.connectedUserIds())].slice(0, MAX_PRESENCE_USERS);
  if (ids.length === 0) return 0;
  const users = (await deps.findUsers(ids)).filter((u) => u.disabledAt === null);
  if (users.length === 0) return 0;
  const { online } = await deps.engine.reportPresence({ users: users.map((u) => ({ id: u.id, name: actorOf(u).name })) }, correlationId);
  return online;
}
