import { useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeError } from '../api/api-error';
import type { Conversation, Message } from '../api/types';
import { useCapabilities } from '../app/capabilities';
import { useSession, useUser } from '../session/session';
import { composerState } from './composer-rules';
import { clearDraft, loadDraft, updateDraft, type Draft } from './drafts';
import { studentKey, studentName } from './student';
import { logTypingFailure, typingNotifier } from './typing-notifier';

interface Props {
  conversation: Conversation;
  now: number;
  onSent(message: Message): void;
}

/**
 * The send box. Enter sends, Shift+Enter starts a new line. The draft is saved as it is typed (drafts.ts),
 * and its idempotency key goes with every attempt to send it, so a double click sends one message. Typing
 * in an active chat shows the student WhatsApp's typing indicator (at most one request per 20 s).
 */
export function Composer({ conversation, now, onSent }: Props) {
  const { api } = useSession();
  const user = useUser();
  const { template } = useCapabilities();
  const student = studentKey(conversation);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(localStorage, user.id, student));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [templateNote, setTemplateNote] = useState<string | null>(null);
  // Set before the request leaves: a second click in the same frame finds it, before any re-render.
  const inFlight = useRef(false);
  const reasonId = useId();
  const state = composerState(conversation, now);
  const name = studentName(conversation);
  const notifyTyping = useMemo(() => typingNotifier({ send: () => api.indicateTyping(student), now: Date.now, onError: logTypingFailure }), [api, student]);
  const typingShows = state.canSend && conversation.support_status === 'active';

  const send = () => {
    const text = draft.text.trim();
    if (!state.canSend || text === '' || inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    setError(null);
    api
      .sendMessage(student, text, draft.key)
      .then(
        (answer) => {
          onSent(answer.message);
          setDraft(clearDraft(localStorage, user.id, student));
        },
        (failure: unknown) => setError(describeError(failure)),
      )
      .finally(() => {
        inFlight.current = false;
        setSending(false);
      });
  };

  const sendTemplate = () => {
    setTemplateNote(null);
    api.sendTemplate(student).then(
      () => setTemplateNote('Re-engagement template sent. You can write again once the student answers.'),
      (failure: unknown) => setTemplateNote(describeError(failure)),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  return (
    <form className="composer" onSubmit={onSubmit} aria-label={`Reply to ${name}`}>
      <label htmlFor={`${reasonId}-text`} className="visually-hidden">
        Message to {name}
      </label>
      <textarea
        id={`${reasonId}-text`}
        className="composer-text"
        rows={2}
        value={draft.text}
        placeholder={state.canSend ? 'Write a message' : ''}
        disabled={!state.canSend}
        aria-describedby={reasonId}
        onChange={(event) => {
          const text = event.target.value;
          setDraft((current) => updateDraft(localStorage, user.id, student, current, text));
          if (typingShows && text.trim() !== '') notifyTyping();
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button button-primary" disabled={!state.canSend || sending || draft.text.trim() === ''}>
        {sending ? 'Sending…' : 'Send'}
      </button>
      <div id={reasonId} className="composer-note">
        {state.canSend ? (
          <>
            <span className="keyboard-hint">Enter sends, Shift+Enter starts a new line.</span>
            {state.hint && <span>{state.hint}</span>}
          </>
        ) : (
          <span className="composer-reason">{state.reason}</span>
        )}
        {!state.canSend && state.offerTemplate && template && (
          <button type="button" className="button" onClick={sendTemplate}>
            Send re-engagement template
          </button>
        )}
      </div>
      {templateNote && <p role="status">{templateNote}</p>}
      {error && (
        <p role="alert" className="error-text">
          Not sent: {error}
        </p>
      )}
    </form>
  );
}
