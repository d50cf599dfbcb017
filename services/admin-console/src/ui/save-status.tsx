import type { SaveMessage } from './use-save-status';

/** An inline form's outcome beside its button: an alert when the save failed, a status when it worked. */
export function SaveStatus({ message }: { message: SaveMessage | null }) {
  if (!message) return null;
  return (
    <span role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error-text' : 'muted'}>
      {message.text}
    </span>
  );
}
