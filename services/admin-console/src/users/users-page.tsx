import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/api-error';
import type { ManagedUser } from '../api/types';
import { useSession, useUser } from '../session/session';
import { CreateUserForm } from './create-user-form';
import { UserRow } from './user-row';
import { AssignmentPanel } from '../assignment/assignment-panel';

/** Admins only: the console's accounts (the server refuses agents too; this screen is not offered to them). */
export function UsersPage() {
  const { api, replaceUser } = useSession();
  const me = useUser();
  const [users, setUsers] = useState<ManagedUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    api.listUsers().then(
      (answer) => setUsers(answer.items),
      (failure: unknown) => setError(describeError(failure)),
    );
  }, [api]);
  useEffect(reload, [reload]);

  const replace = (user: ManagedUser) => {
    setUsers((current) => (current ?? []).map((u) => (u.id === user.id ? user : u)));
    // Renaming oneself here renames the top bar too.
    if (user.id === me.id) replaceUser(user);
  };

  return (
    <section className="users" aria-labelledby="users-heading">
      <h1 id="users-heading">Agents and admins</h1>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <CreateUserForm onCreated={(user) => setUsers((current) => [...(current ?? []), user])} />
      <table className="table">
        <caption className="visually-hidden">Console accounts</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {(users ?? []).map((user) => (
            <UserRow key={user.id} user={user} isMe={user.id === me.id} onChanged={replace} />
          ))}
        </tbody>
      </table>
      {users === null && !error && <p className="muted">Loading accounts…</p>}
      <AssignmentPanel users={users ?? []} />
    </section>
  );
}
