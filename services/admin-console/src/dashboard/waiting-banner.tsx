import { Link } from '../app/router';
import { useStats } from './stats';

/** On every screen while students wait for a human, with the way to them. */
export function WaitingBanner() {
  const waiting = useStats().stats?.waiting_chats ?? 0;
  return (
    <div className="banner-slot" role="status" aria-live="polite">
      {waiting > 0 && (
        <div className="waiting-banner">
          <strong>{waiting === 1 ? '1 student is waiting for support.' : `${waiting} students are waiting for support.`}</strong>{' '}
          <Link to="/conversations?filter=waiting">Show waiting chats</Link>
        </div>
      )}
    </div>
  );
}
