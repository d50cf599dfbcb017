import { isDisabled, type AdminUser } from '../domain/admin-user';
import { AppError } from '../domain/errors';
import type { TicketStore } from './issue-events-ticket';

export interface RedeemEventsTicketDeps {
  tickets: Pick<TicketStore, 'take'>;
  findUserById(id: string): Promise<AdminUser | undefined>;
}

/**
 * Turns a ticket into its user, once. The user is re-read, as for a bearer token: an account disabled in
 * the seconds since the ticket was issued gets no stream.
 */
export async function redeemEventsTicket(deps: RedeemEventsTicketDeps, ticket: string): Promise<AdminUser> {
  const userId = await deps.tickets.take(ticket);
  const user = userId === undefined ? undefined : await deps.findUserById(userId);
  if (!user || isDisabled(user)) throw new AppError('unauthorized', 'the ticket is invalid, used or expired');
  return user;
}
