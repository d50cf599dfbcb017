import { useState } from 'react';
import { describeError } from '../api/api-error';
import type { ManagedUser, UserChange } from '../api/types';
import { useSession } from '../session/session';
import { DisplayNameForm } from '../ui/display-name-form';
import { InlineFieldForm } from '../ui/inline-field-form';
import { PASSWORD_MIN_LENGTH } from './create-user-form';

interface Props {
  user: ManagedUser;
  isMe: boolean;
  onChanged(user: ManagedUser): void;
}

export function UserRow({ user, isMe, onChanged }: Props) {
  const { api } = useSession();
  const [editing, setEditing] = useState<'password' | 'name' | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

  const change = (patch: UserChange, done: string) => {
    setBusy(true);
    setMessage(null);
    api.updateUser(user.id, patch).then(
      (answer) => {
        onChanged(answer.user);
        setMessage({ kind: 'done', text: done });
        setEditing(null);
        setBusy(false);
      },
      (failure: unknown) => {
        setMessage({ kind: 'error', text: describeError(failure) });
        setBusy(false);
      },
    );
  };
  // A cleared name (null) shows students the email's local part again.
  const rename = (name: string | null) => change({ display_name: name }, name ? 'Name saved.' : 'Name cleared.');

  return (
    <tr>
      <td>
        {user.email}
        {isMe && <span className="muted"> (you)</span>}
      </td>
      <td>{user.display_name ?? <span className="muted">Not set</span>}</td>
      <td>{user.role}</td>
      <td>{user.disabled ? 'Disabled' : 'Active'}</td>
      <td className="row-actions">
        <button
          type="button"
          className={user.disabled ? 'button' : 'button button-danger'}
          disabled={busy || isMe}
          aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
          onClick={() => change({ disabled: !user.disabled }, user.disabled ? 'Account enabled.' : 'Account disabled.')}
        >
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
        {editing === null && (
          <>
            <button
              type="button"
              className="button"
              disabled={busy}
              aria-label={`Edit name of ${user.email}`}
              onClick={() => setEditing('name')}
            >
              Edit name
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              aria-label={`Reset password of ${user.email}`}
              onClick={() => setEditing('password')}
            >
              Reset password
            </button>
          </>
        )}
        {editing === 'name' && (
          <DisplayNameForm
            label={`Display name for ${user.email}`}
            initial={user.display_name}
            busy={busy}
            onSave={rename}
            onCancel={() => setEditing(null)}
          />
        )}
        {editing === 'password' && (
          <InlineFieldForm
            label={`New password for ${user.email}`}
            type="password"
            placeholder="New password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            autoComplete="new-password"
            busy={busy}
            onSave={(password) => change({ password }, 'Password changed.')}
            onCancel={() => setEditing(null)}
          />
        )}
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error-text' : 'muted'}>
            {message.text}
          </p>
        )}
      </td>
    </tr>
  );
}
