import { useState, type FormEvent } from 'react';
import { LABEL_PALETTE } from '../api/agent-tools-types';
import { FormActions } from '../ui/form-actions';
import { useSubmit } from '../ui/use-submit';

/** A label's name and colour (a palette swatch); used to add a label and to edit one. */
export function LabelForm({
  initial = { name: '', colour: LABEL_PALETTE[0] },
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: { name: string; colour: string };
  submitLabel: string;
  onSubmit(value: { name: string; colour: string }): Promise<unknown>;
  onCancel?(): void;
}) {
  const [name, setName] = useState(initial.name);
  const [colour, setColour] = useState(initial.colour);
  const { busy, error, submit: run } = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(onSubmit({ name: name.trim(), colour }), () => {
      if (!onCancel) setName('');
    });
  };

  return (
    <form className="manage-form" onSubmit={submit} aria-label={submitLabel}>
      <label>
        <span>Name</span>
        <input value={name} maxLength={40} required onChange={(event) => setName(event.target.value)} />
      </label>
      <div role="group" aria-label="Colour" className="swatches">
        {[...new Set([...LABEL_PALETTE, colour])].map((swatch) => (
          <button
            key={swatch}
            type="button"
            className="swatch"
            style={{ background: swatch }}
            aria-label={`Colour ${swatch}`}
            aria-pressed={swatch === colour}
            onClick={() => setColour(swatch)}
          />
        ))}
      </div>
      <FormActions submitLabel={submitLabel} disabled={busy || name.trim() === ''} onCancel={onCancel} error={error} />
    </form>
  );
}
