import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

interface Props {
  label: string;
  /** Off by default: a table row already shows whose field it is, so only screen readers need the label. */
  showLabel?: boolean;
  type: 'password' | 'text';
  initial?: string;
  placeholder: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  autoComplete: string;
  busy: boolean;
  onSave(value: string): void;
  onCancel(): void;
}

/** One field of an account edited in place (a new password, a display name): Save, or Cancel and Escape. */
export function InlineFieldForm({
  label,
  showLabel = false,
  type,
  initial = '',
  placeholder,
  required,
  minLength,
  maxLength,
  autoComplete,
  busy,
  onSave,
  onCancel,
}: Props) {
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  // The form takes the place of the button that opened it: without this, focus would fall back to the page.
  useEffect(() => input.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value);
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  return (
    <form onSubmit={submit} onKeyDown={escape} className="inline-form">
      <label>
        <span className={showLabel ? undefined : 'visually-hidden'}>{label}</span>
        <input
          ref={input}
          type={type}
          required={required}
          minLength={minLength}
          maxLength={maxLength}
          placeholder={placeholder}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete={autoComplete}
        />
      </label>
      <button type="submit" className="button button-primary" disabled={busy}>
        Save
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
