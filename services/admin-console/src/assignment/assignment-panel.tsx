import type { ManagedUser } from '../api/types';
import { CapacityForm } from './capacity-form';
import { ReassignSettingsForm } from './reassign-settings-form';
import { AVAILABILITY_LABEL, type Agent } from './types';
import { useAgents } from './use-agents';
import './assignment.css';

const DEFAULT_CAPACITY = 3;

/**
 * The Agents screen's assignment part (admins): each account's availability, active chats and capacity (set
 * here), and when unanswered chats are reassigned. Accounts that never opened the console show offline with
 * the default capacity until an admin sets one.
 */
export function AssignmentPanel({ users }: { users: readonly ManagedUser[] }) {
  const { items, error, replace } = useAgents({ followLoad: true });
  const byId = new Map(items.map((agent) => [agent.id, agent]));
  const enabled = users.filter((user) => !user.disabled);

  return (
    <section className="assignment-panel" aria-labelledby="assignment-heading">
      <h2 id="assignment-heading">Chat assignment</h2>
      <p className="muted">
        Waiting chats are offered to the available agent with the most free capacity; on a tie, to the one idle longest.
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <ReassignSettingsForm />
      <table className="table">
        <caption className="visually-hidden">Availability and capacity</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Availability</th>
            <th scope="col">Active chats</th>
            <th scope="col">Capacity</th>
          </tr>
        </thead>
        <tbody>
          {enabled.map((user) => {
            const agent: Agent | undefined = byId.get(user.id);
            // The name students and colleagues see (admin-api's actorOf), not the email the table above lists.
            const label = user.display_name ?? user.email.split('@')[0] ?? user.email;
            return (
              <tr key={user.id}>
                <td>{label}</td>
                <td>{AVAILABILITY_LABEL[agent?.availability ?? 'offline']}</td>
                <td>{agent?.active_chats ?? 0}</td>
                <td>
                  <CapacityForm userId={user.id} label={label} capacity={agent?.capacity ?? DEFAULT_CAPACITY} onSaved={replace} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
