import type { Actor } from '@app/contracts';
import type { AdminUser } from './admin-user';

/**
 * The admin as the engine records them (assignment, history, audit). There is no display-name column yet,
 * so the name is the email's local part: what colleagues recognise, without handing the whole address to
 * every student-facing record.
 */
export function actorOf(user: AdminUser): Actor {
  const local = user.email.split('@')[0];
  return { id: user.id, name: local || user.email, role: user.role };
}
