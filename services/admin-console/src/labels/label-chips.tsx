import '../notes/agent-tools.css';
import type { Label } from '../api/agent-tools-types';

/** A conversation's labels as coloured chips; with `onRemove`, each has a button that takes it off. */
export function LabelChips({
  labels,
  onRemove,
  busy = false,
}: {
  labels: readonly Label[];
  onRemove?(label: Label): void;
  busy?: boolean;
}) {
  if (labels.length === 0) return null;
  return (
    <ul className="label-chips" aria-label="Labels">
      {labels.map((label) => (
        <li key={label.id} className="label-chip" style={{ background: label.colour }}>
          <span>{label.name}</span>
          {onRemove && (
            <button type="button" aria-label={`Remove label ${label.name}`} disabled={busy} onClick={() => onRemove(label)}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
