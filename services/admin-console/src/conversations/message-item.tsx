import type { Message } from '../api/types';
import { formatFullTime, formatTime } from '../ui/format';
import { DeliveryStatus } from './delivery-status';
import { isMedia, MediaPreview } from './media-preview';
import { PricingMarker } from './pricing-marker';
import { RetryNote } from './retry-note';

function authorOf(message: Message, studentName: string): string {
  switch (message.author) {
    case 'student':
      return studentName;
    case 'bot':
      return 'Bot';
    case 'agent':
      return message.agent_name ?? 'Agent';
    case 'system':
      return 'System';
  }
}

/** One message. Its text is rendered as text, never as HTML: whatever a student types shows as typed. */
/** `studentName` as the thread names the student (student.ts: never empty). */
export function MessageItem({ message, studentName, now }: { message: Message; studentName: string; now: number }) {
  const side = message.direction === 'inbound' ? 'in' : 'out';
  // A private note of the team: never sent, so no delivery status; marked so nobody takes it for a message.
  const note = message.private === true;
  // A change of assignee (assignment): a line for the team, never sent, so no delivery status either.
  const teamLine = message.type === 'assignment';
  return (
    <li
      className={`message message-${side} message-${message.author}${note ? ' message-private-note' : ''}${teamLine ? ' message-assignment' : ''}`}
      data-message-id={message.id}
    >
      <div className="message-meta">
        {note && <span className="note-badge">Private note</span>}
        <span className="message-author">{authorOf(message, studentName)}</span>
        {message.source === 'business_app' && (
          <span className="message-source" title="Sent by the school from the WhatsApp Business app, not from this console">
            via WhatsApp Business app
          </span>
        )}
        <time dateTime={message.created_at} title={formatFullTime(message.created_at)}>
          {formatTime(message.created_at, now)}
        </time>
      </div>
      {isMedia(message) ? (
        <MediaPreview message={message} />
      ) : (
        <p className="message-text">{message.text ?? `[${message.type} message]`}</p>
      )}
      {side === 'out' && !note && !teamLine && (
        <div className="message-status">
          <DeliveryStatus message={message} />
          <RetryNote message={message} now={now} />
          <PricingMarker message={message} />
        </div>
      )}
    </li>
  );
}
