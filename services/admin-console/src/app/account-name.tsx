import { useId, useRef, useState } from 'react';
import { describeError } from '../api/api-error';
import { useSession, useUser } from '../session/session';
import { DisplayNameForm } from '../ui/display-name-form';

/**
 * Who is signed in, in the top bar: their display name (the email until they set one), as a button that opens
 * a small form to set or clear the name students see. Any role may change their own name.
 */
export function AccountName() {
  const { api, replaceUser } = useSession();
  const user = useUser();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announced, setAnnounced] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const panel = useId();
  const shown = user.display_name ?? user.email;

  const close = () => {
    setOpen(false);
    setError(null);
    button.current?.focus();
  };
  const toggle = () => {
    if (open) return close();
    setAnnounced('');
    setOpen(true);
  };
  const save = (displayName: string | null) => {
    setBusy(true);
    setError(null);
    api.updateMe(displayName).then(
      (answer) => {
        replaceUser(answer.user);
        setAnnounced(displayName ? 'Name saved.' : 'Name cleared.');
        setBusy(false);
        close();
      },
      (failure: unknown) => {
        setError(describeError(failure));
        setBusy(false);
      },
    );
  };

  return (
    <div className="account-name">
      <button
        ref={button}
        type="button"
        className="button account-name-button"
        aria-label={`Your name: ${shown}`}
        title={`Signed in as ${user.email}`}
        aria-expanded={open}
        aria-controls={open ? panel : undefined}
        onClick={toggle}
      >
        {/* A phone has room for an initial only; the button's label still says the whole name. */}
        <span className="account-initial" aria-hidden="true">
          {Array.from(shown)[0]?.toUpperCase()}
        </span>
        <span className="account-name-text">{shown}</span>
      </button>
      {open && (
        <div id={panel} className="account-popover">
          <DisplayNameForm
            label="Your name (students see it)"
            showLabel
            initial={user.display_name}
            busy={busy}
            onSave={save}
            onCancel={close}
          />
          <p className="muted">
            Signed in as {user.email}. Without a name, students see “{user.email.split('@')[0]}”.
          </p>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
        </div>
      )}
      <span role="status" className="visually-hidden">
        {announced}
      </span>
    </div>
  );
}
