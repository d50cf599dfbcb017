import { useState, type FormEvent } from 'react';
import { describeError } from '../api/api-error';
import { useSession } from '../session/session';

export function LoginPage() {
  const { signIn, expired } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    signIn(email.trim(), password).catch((failure: unknown) => {
      setError(describeError(failure));
      setBusy(false);
    });
  };

  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-heading">
        <h1 id="login-heading">Chat support console</h1>
        {expired && (
          <p role="status" className="notice">
            Your session expired. Sign in again to carry on: what you were typing is kept.
          </p>
        )}
        <label>
          <span>Email</span>
          <input type="email" name="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          <span>Password</span>
          <input
            type="password"
            name="password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
