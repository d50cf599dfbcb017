interface Props {
  /** The item as the confirmation names it ("/hello", "Urgent"). */
  name: string;
  /** The item as the Edit and Delete buttons name it for screen readers ("label Urgent"). */
  ariaName: string;
  confirming: boolean;
  onEdit(): void;
  onAskDelete(): void;
  onDelete(): void;
}

/** A list row's Edit and Delete; Delete asks once more ("Yes, delete …") before anything goes. */
export function EditDeleteActions({ name, ariaName, confirming, onEdit, onAskDelete, onDelete }: Props) {
  return (
    <span className="row-actions">
      <button type="button" className="button" onClick={onEdit} aria-label={`Edit ${ariaName}`}>
        Edit
      </button>
      {confirming ? (
        <button type="button" className="button button-danger" onClick={onDelete}>
          Yes, delete {name}
        </button>
      ) : (
        <button type="button" className="button button-danger" onClick={onAskDelete} aria-label={`Delete ${ariaName}`}>
          Delete
        </button>
      )}
    </span>
  );
}
