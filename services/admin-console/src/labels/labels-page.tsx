import { useSession } from '../session/session';
import { EditDeleteActions } from '../ui/edit-delete-actions';
import { ErrorAlert } from '../ui/error-alert';
import { useManageList } from '../ui/use-manage-list';
import { LabelChips } from './label-chips';
import { LabelForm } from './label-form';
import { useLabels } from './use-labels';

/** Admins only: the team's labels (agents put them on conversations from the thread). */
export function LabelsPage() {
  const { api } = useSession();
  const { labels, error, reload } = useLabels();
  const { editing, setEditing, confirming, setConfirming, failure, saved, remove } = useManageList(reload);

  return (
    <section className="labels card" aria-labelledby="labels-heading">
      <h1 id="labels-heading">Labels</h1>
      <p className="muted">Agents put labels on conversations; the conversation list filters by them.</p>
      <ErrorAlert error={error ?? failure} />
      <h2>Add a label</h2>
      <LabelForm submitLabel="Add label" onSubmit={(value) => saved(api.createLabel(value))} />
      <h2>The team's labels</h2>
      {labels.length === 0 && <p className="muted">No labels yet.</p>}
      <ul className="manage-list">
        {labels.map((label) => (
          <li key={label.id} className="manage-item card" data-label-id={label.id}>
            {editing === label.id ? (
              <LabelForm
                initial={label}
                submitLabel="Save label"
                onCancel={() => setEditing(null)}
                onSubmit={(value) => saved(api.updateLabel(label.id, value))}
              />
            ) : (
              <>
                <LabelChips labels={[label]} />
                <EditDeleteActions
                  name={label.name}
                  ariaName={`label ${label.name}`}
                  confirming={confirming === label.id}
                  onEdit={() => setEditing(label.id)}
                  onAskDelete={() => setConfirming(label.id)}
                  onDelete={() => remove(api.deleteLabel(label.id))}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
