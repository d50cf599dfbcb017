import { useEffect, useId, useRef, useState } from 'react';
import { describeError } from '../api/api-error';
import type { Conversation } from '../api/types';
import { useSession } from '../session/session';
import { AssignActions } from '../assignment/assign-actions';
import { windowOpen } from './composer-rules';
import { studentKey, studentName } from './student';

interface Props {
  conversation: Conversation;
  now: number;
  onChanged(conversation: Conversation): void;
}

type Command = 'start' | 'claim' | 'end';

/** Start, claim and end a support chat; ending asks first, since the student is told at once. */
export function ChatActions({ conversation, now, onChanged }: Props) {
  const { api } = useSession();
  const [busy, setBusy] = useState<Command | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const student = studentKey(conversation);
  const status = conversation.support_status;
  const inChat = status === 'waiting' || status === 'active';
  const name = studentName(conversation);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const run = (command: Command) => {
    setBusy(command);
    setError(null);
    const call = command === 'start' ? api.startChat(student) : command === 'claim' ? api.claimChat(student) : api.endChat(student);
    call.then(
      (answer) => {
        onChanged(answer.conversation);
        setConfirming(false);
        setBusy(null);
      },
      (failure: unknown) => {
        setError(describeError(failure));
        setBusy(null);
      },
    );
  };

  return (
    <div className="chat-actions">
      {!inChat && (
        <button
          type="button"
          className="button button-primary"
          disabled={busy !== null || !windowOpen(conversation, now)}
          title={windowOpen(conversation, now) ? undefined : 'The 24-hour window is closed'}
          onClick={() => run('start')}
        >
          Start chat
        </button>
      )}
      {status === 'waiting' && (
        <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => run('claim')}>
          Claim chat
        </button>
      )}
      {inChat && !confirming && (
        <button type="button" className="button button-danger" disabled={busy !== null} onClick={() => setConfirming(true)}>
          End chat
        </button>
      )}
      {confirming && (
        <div role="alertdialog" aria-labelledby={titleId} className="confirm">
          <p id={titleId}>End the chat with {name}? The student is told and gets the main menu.</p>
          <button ref={confirmButton} type="button" className="button button-danger" disabled={busy !== null} onClick={() => run('end')}>
            Yes, end chat
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {!confirming && <AssignActions conversation={conversation} onChanged={onChanged} />}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
