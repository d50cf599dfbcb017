import type { AdminUser } from '../domain/admin-user';

export interface TicketStore {
  save(ticket: string, userId: string, ttlSeconds: number): Promise<void>;
  /** The user the ticket was issued to, removing it in the same step; undefined when unknown, used or expired. */
  take(ticket: string): Promise<string | undefined>;
}

export interface IssueEventsTicketDeps {
  tickets: TicketStore;
  newTicket(): string;
  now(): Date;
  ttlSeconds: number;
}

/** A single-use, short-lived ticket that opens one event stream for `user` (see events.routes.ts for why). */
export async function issueEventsTicket(deps: IssueEventsTicketDeps, user: AdminUser): Promise<{ ticket: string; expiresAt: Date }> {
  const ticket = deps.newTicket();
  await deps.tickets.save(ticket, user.id, deps.ttlSeconds);
  return { ticket, expiresAt: new Date(deps.now().getTime() + deps.ttlSeconds * 1000) };
}
