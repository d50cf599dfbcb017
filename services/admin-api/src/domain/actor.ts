import type { Actor } from '@app/contracts';
import type { AdminUser } from './admin-user';

/**
 * The admin as the engine records them (assignment, history, audit) and students read them ("… has joined
 * the chat"). The display name when the admin has one; otherwise the email's local part, what colleagues
 * recognise, without handing the whole address to every student-facing record. The user is re-read on every
 * request (authenticate), so a changed name is used from the next request, not the next login.
 */
export function actorOf(user: AdminUser): Actor {
  const local = user.email.split('@')[0];
  return { id: user.id, name: user.displayName ?? (local || user.email), role: user.role };
}
