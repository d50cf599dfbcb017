import { useId, useState } from 'react';
import type { Message } from '../api/types';

const LABEL = { queued: 'Queued', sent: 'Sent', delivered: 'Delivered', read: 'Read' } as const;
const MARK = { queued: '🕓', sent: '✓', delivered: '✓✓', read: '✓✓' } as const;

/**
 * WhatsApp-style ticks for an outbound message. A failure says in plain words why (the engine's reason for
 * Meta's code), and shows Meta's own title and code on hover, focus or tap.
 */
export function DeliveryStatus({ message }: { message: Message }) {
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const { status } = message;
  if (status === 'received') return null;
  if (status === 'failed') {
    const reason = message.error ? `${message.error.title} (code ${message.error.code})` : 'no reason given';
    return (
      <span className="delivery delivery-failed" data-status="failed">
        <button
          type="button"
          className="delivery-failed-button"
          aria-expanded={open}
          aria-controls={reasonId}
          aria-label={`Not delivered: ${reason}`}
          title={reason}
          onClick={() => setOpen((o) => !o)}
        >
          ⚠ Failed
        </button>
        {open && (
          <span id={reasonId} className="delivery-reason" role="note">
            {reason}
          </span>
        )}
        {message.error?.reason && <span className="delivery-explanation">{message.error.reason}</span>}
      </span>
    );
  }
  return (
    <span className={`delivery delivery-${status}`} data-status={status} role="img" aria-label={LABEL[status]} title={LABEL[status]}>
      {MARK[status]}
    </span>
  );
}
