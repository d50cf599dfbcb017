import { useState, type FormEvent } from 'react';
import type { NewCannedReply } from '../api/agent-tools-types';
import { FormActions } from '../ui/form-actions';
import { useSubmit } from '../ui/use-submit';

const EMPTY: NewCannedReply = { title: '', shortcut: '', body: '' };

/** A canned reply's title, shortcut and body; to add one and to edit one. */
export function CannedReplyForm({
  initial = EMPTY,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: NewCannedReply;
  submitLabel: string;
  onSubmit(value: NewCannedReply): Promise<unknown>;
  onCancel?(): void;
}) {
  const [value, setValue] = useState<NewCannedReply>({ title: initial.title, shortcut: initial.shortcut, body: initial.body });
  const { busy, error, submit: run } = useSubmit();
  const set = (field: keyof NewCannedReply) => (event: { target: { value: string } }) =>
    setValue((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(onSubmit({ title: value.title.trim(), shortcut: value.shortcut.trim().toLowerCase(), body: value.body }), () => {
      if (!onCancel) setValue(EMPTY);
    });
  };

  return (
    <form className="manage-form" onSubmit={submit} aria-label={submitLabel}>
      <label>
        <span>Title</span>
        <input value={value.title} maxLength={80} required onChange={set('title')} />
      </label>
      <label>
        <span>Shortcut (typed after / in the composer)</span>
        <input value={value.shortcut} maxLength={30} required pattern="[A-Za-z0-9][A-Za-z0-9_\-]*" onChange={set('shortcut')} />
      </label>
      <label>
        <span>
          Text: {'{student_name}'}, {'{agent_name}'} and {'{class}'} are filled in when an agent picks it
        </span>
        <textarea value={value.body} rows={4} maxLength={4096} required onChange={set('body')} />
      </label>
      <FormActions
        submitLabel={submitLabel}
        disabled={busy || value.title.trim() === '' || value.shortcut.trim() === '' || value.body.trim() === ''}
        onCancel={onCancel}
        error={error}
      />
    </form>
  );
}
