import { ErrorAlert } from './error-alert';

interface Props {
  submitLabel: string;
  disabled: boolean;
  /** Editing an existing item: offers Cancel. Adding one: no Cancel. */
  onCancel?(): void;
  error: string | null;
}

/** An add/edit form's submit (and Cancel) buttons, and the refusal under them. */
export function FormActions({ submitLabel, disabled, onCancel, error }: Props) {
  return (
    <>
      <div className="row-actions">
        <button type="submit" className="button button-primary" disabled={disabled}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <ErrorAlert error={error} />
    </>
  );
}
