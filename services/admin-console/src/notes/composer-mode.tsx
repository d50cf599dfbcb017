import './agent-tools.css';
export type ComposerMode = 'reply' | 'note';

/** Reply (to the student) or Note (private, for the team): two pressed-state buttons above the box. */
export function ComposerModeSwitch({ mode, onMode }: { mode: ComposerMode; onMode(mode: ComposerMode): void }) {
  return (
    <div className="composer-mode" role="group" aria-label="Write">
      <button type="button" className="filter" aria-pressed={mode === 'reply'} onClick={() => onMode('reply')}>
        Reply
      </button>
      <button
        type="button"
        className="filter"
        aria-pressed={mode === 'note'}
        onClick={() => onMode('note')}
        title="A private note: only the team sees it, it is never sent"
      >
        Note
      </button>
    </div>
  );
}
