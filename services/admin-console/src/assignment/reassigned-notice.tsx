import { useState } from 'react';
import { useLiveEvent } from '../live/live-events';
import { useUser } from '../session/session';
import { Link } from '../app/router';
import { isAssignmentChange } from './guards';
import './assignment.css';

interface Notice {
  id: string;
  student: string;
  text: string;
}

function describe(change: { reason: string; to: { name: string } | null; by: { name: string } | null }): string {
  const where = change.to ? `to ${change.to.name}` : 'back to the queue';
  if (change.reason === 'unanswered') return `was reassigned ${where}: the student waited too long for an answer.`;
  return `was moved ${where}${change.by ? ` by ${change.by.name}` : ''}.`;
}

/**
 * Tells the signed-in agent when a chat of theirs was taken away (auto-reassign on a silence, or an admin's
 * transfer); their own hand-backs say nothing. Each notice stays until dismissed; at most the last three.
 */
export function ReassignedNotice() {
  const me = useUser();
  const [notices, setNotices] = useState<Notice[]>([]);

  useLiveEvent(({ name, data }) => {
    const change = data.assignment;
    if (name !== 'assignment.changed' || !isAssignmentChange(change)) return;
    if (change.from?.id !== me.id || change.by?.id === me.id || change.reason === 'handed_back') return;
    const student = data.phone_number ?? data.user_id ?? change.student;
    setNotices((shown) => [...shown.filter((n) => n.id !== change.id), { id: change.id, student, text: describe(change) }].slice(-3));
  });

  if (notices.length === 0) return null;
  return (
    <div aria-live="polite">
      {notices.map((notice) => (
        <p key={notice.id} role="status" className="notice reassigned-notice">
          <span>
            Your chat with <Link to={`/conversations/${notice.student}`}>{notice.student}</Link> {notice.text}
          </span>
          <button type="button" className="button" onClick={() => setNotices((shown) => shown.filter((n) => n.id !== notice.id))}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
