import { useState, type FormEvent } from 'react';
import { describeError } from '../api/api-error';
import type { ManagedUser, UserChange } from '../api/types';
import { useSession } from '../session/session';
import { PASSWORD_MIN_LENGTH } from './create-user-form';

interface Props {
  user: ManagedUser;
  isMe: boolean;
  onChanged(user: ManagedUser): void;
}

export function UserRow({ user, isMe, onChanged }: Props) {
  const { api } = useSession();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

  const change = (patch: UserChange, done: string) => {
    setBusy(true);
    setMessage(null);
    api.updateUser(user.id, patch).then(
      (answer) => {
        onChanged(answer.user);
        setMessage({ kind: 'done', text: done });
        setResetting(false);
        setPassword('');
        setBusy(false);
      },
      (failure: unknown) => {
        setMessage({ kind: 'error', text: describeError(failure) });
        setBusy(false);
      },
    );
  };
  const reset = (event: FormEvent) => {
    event.preventDefault();
    change({ password }, 'Password changed.');
  };

  return (
    <tr>
      <td>
        {user.email}
        {isMe && <span className="muted"> (you)</span>}
      </td>
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
        {!resetting && (
          <button type="button" className="button" disabled={busy} aria-label={`Reset password of ${user.email}`} onClick={() => setResetting(true)}>
            Reset password
          </button>
        )}
        {resetting && (
          <form onSubmit={reset} className="inline-form">
            <label>
              <span className="visually-hidden">New password for {user.email}</span>
              <input
                type="password"
                required
                minLength={PASSWORD_MIN_LENGTH}
                placeholder="New password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="new-password"
              />
            </label>
            <button type="submit" className="button button-primary" disabled={busy}>
              Save
            </button>
            <button type="button" className="button" onClick={() => setResetting(false)}>
              Cancel
            </button>
          </form>
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
