import { useState, type FormEvent } from 'react';
import { describeError } from '../api/api-error';
import type { ManagedUser, Role } from '../api/types';
import { useSession } from '../session/session';
import { DISPLAY_NAME_MAX_LENGTH } from '../ui/display-name-form';

export const PASSWORD_MIN_LENGTH = 8;

export function CreateUserForm({ onCreated }: { onCreated(user: ManagedUser): void }) {
  const { api } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [displayName, setDisplayName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const name = displayName.trim();
    api.createUser({ email: email.trim(), password, role, ...(name && { display_name: name }) }).then(
      (answer) => {
        onCreated(answer.user);
        setMessage({ kind: 'done', text: `Created ${answer.user.email} (${answer.user.role}).` });
        setEmail('');
        setPassword('');
        setDisplayName('');
        setBusy(false);
      },
      (failure: unknown) => {
        setMessage({ kind: 'error', text: describeError(failure) });
        setBusy(false);
      },
    );
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Add an account</h2>
      <label>
        <span>Email</span>
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
      </label>
      <label>
        <span>Display name (optional, what students see)</span>
        <input
          type="text"
          maxLength={DISPLAY_NAME_MAX_LENGTH}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          placeholder="e.g. Ms Smith"
          autoComplete="off"
        />
      </label>
      <label>
        <span>Password (at least {PASSWORD_MIN_LENGTH} characters)</span>
        <input
          type="password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      <label>
        <span>Role</span>
        <select value={role} onChange={(e) => setRole(e.target.value === 'admin' ? 'admin' : 'agent')}>
          <option value="agent">Agent: answers chats</option>
          <option value="admin">Admin: also manages accounts and reads the audit log</option>
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={busy}>
        Create account
      </button>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error-text' : undefined}>
          {message.text}
        </p>
      )}
    </form>
  );
}
