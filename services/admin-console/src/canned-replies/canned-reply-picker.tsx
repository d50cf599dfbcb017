import type { CannedPicker } from './use-canned-picker';

/** The list the composer shows above its box while `/` searches canned replies; a click chooses one. */
export function CannedReplyPicker({ picker, id }: { picker: CannedPicker; id: string }) {
  if (!picker.open) return null;
  return (
    <div className="canned-picker">
      {picker.loading && <p className="muted">Loading canned replies…</p>}
      {picker.error && (
        <p role="alert" className="error-text">
          Canned replies unavailable: {picker.error}
        </p>
      )}
      {!picker.loading && !picker.error && picker.matches.length === 0 && <p className="muted">No canned reply matches.</p>}
      {picker.matches.length > 0 && (
        <ul id={id} role="listbox" aria-label="Canned replies">
          {picker.matches.map((reply, i) => (
            <li
              key={reply.id}
              id={`${id}-${reply.id}`}
              role="option"
              aria-selected={i === picker.active}
              className="canned-option"
              // mousedown, not click: the box keeps its focus.
              onMouseDown={(event) => {
                event.preventDefault();
                picker.choose(reply);
              }}
            >
              <span className="canned-shortcut">/{reply.shortcut}</span> <span className="canned-title">{reply.title}</span>
              <span className="canned-preview">{reply.text}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
