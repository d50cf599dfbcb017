import { useState, type FormEvent } from 'react';

interface Props {
  /** Read by screen readers only: the row already shows whose field it is. */
  label: string;
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

/** One field of an account edited in its table row (a new password, a display name): Save or Cancel. */
export function InlineFieldForm({ label, type, initial = '', placeholder, required, minLength, maxLength, autoComplete, busy, onSave, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value);
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <label>
        <span className="visually-hidden">{label}</span>
        <input
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
