import type { Message } from '../api/types';
import { formatClockTime } from '../ui/format';

type Retrying = NonNullable<Message['retrying']>;

/** Why a message is late, in the words of an admin who knows nothing of Meta's codes. */
const WHY: Record<Retrying['reason'], string> = {
  pair_rate_limit: "Delayed by WhatsApp's rate limit for this student",
  throughput: "Delayed by WhatsApp's sending limit for the school's number",
  temporary: 'Delayed by a temporary WhatsApp error',
};

export function retryNoteText(retrying: Retrying, now: number): string {
  const due = Date.parse(retrying.next_attempt_at);
  const at = formatClockTime(retrying.next_attempt_at);
  const when = Number.isNaN(due) ? 'it will be tried again' : due > now ? `next try at ${at}` : `trying again (due at ${at})`;
  return `${WHY[retrying.reason] ?? WHY.temporary}; ${when}`;
}

/**
 * A queued message the sender is retrying: the latest note of why and until when, so that a message
 * waiting out WhatsApp's backoff (and the student's next messages behind it) is not a silent "queued".
 * The status itself stays queued: the note is not a status, and goes once the message is sent or failed.
 */
export function RetryNote({ message, now }: { message: Message; now: number }) {
  if (message.status !== 'queued' || !message.retrying) return null;
  const { code, attempt } = message.retrying;
  return (
    <span className="delivery-retrying" role="note" title={`WhatsApp error ${code} on attempt ${attempt}`}>
      {retryNoteText(message.retrying, now)}
    </span>
  );
}
