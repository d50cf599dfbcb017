import type { Label } from '../api/agent-tools-types';

/** The conversation list's label filter: all conversations, or those carrying one label. */
export function LabelFilter({ labels, value, onChange }: { labels: readonly Label[]; value: string; onChange(label: string): void }) {
  // A label in the address that is not in the set (deleted meanwhile) is still offered, so the select shows it.
  if (labels.length === 0 && value === '') return null;
  return (
    <label className="label-filter">
      <span>Label</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Any label</option>
        {labels.map((label) => (
          <option key={label.id} value={label.id}>
            {label.name}
          </option>
        ))}
        {value !== '' && !labels.some((l) => l.id === value) && <option value={value}>(deleted label)</option>}
      </select>
    </label>
  );
}
