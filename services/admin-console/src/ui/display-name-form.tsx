import { InlineFieldForm } from './inline-field-form';

/** admin-api's bound; the name is what students read ("Ms Smith from the school team has joined the chat"). */
export const DISPLAY_NAME_MAX_LENGTH = 60;

interface Props {
  label: string;
  showLabel?: boolean;
  initial: string | null;
  busy: boolean;
  /** The trimmed name, or null when the field was emptied: the API clears the name with null. */
  onSave(displayName: string | null): void;
  onCancel(): void;
}

/** A display name edited in place, for anyone's account (Agents screen) or one's own (top bar). */
export function DisplayNameForm({ label, showLabel, initial, busy, onSave, onCancel }: Props) {
  return (
    <InlineFieldForm
      label={label}
      showLabel={showLabel}
      type="text"
      initial={initial ?? ''}
      placeholder="e.g. Ms Smith (empty: none)"
      maxLength={DISPLAY_NAME_MAX_LENGTH}
      autoComplete="off"
      busy={busy}
      onSave={(value) => onSave(value.trim() || null)}
      onCancel={onCancel}
    />
  );
}
