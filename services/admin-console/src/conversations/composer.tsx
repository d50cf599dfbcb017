import { useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeError } from '../api/api-error';
import type { Conversation, Message } from '../api/types';
import { useCapabilities } from '../app/capabilities';
import { useSession, useUser } from '../session/session';
import { composerState } from './composer-rules';
import { clearDraft, loadDraft, updateDraft, type Draft } from './drafts';
import { studentKey, studentName } from './student';
import { logTypingFailure, typingNotifier } from './typing-notifier';
import { CannedReplyPicker } from '../canned-replies/canned-reply-picker';
import { useCannedPicker } from '../canned-replies/use-canned-picker';
import { ComposerModeSwitch, type ComposerMode } from '../notes/composer-mode';

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
  const notifyTyping = useMemo(
    () => typingNotifier({ send: () => api.indicateTyping(student), now: Date.now, onError: logTypingFailure }),
    [api, student],
  );
  const typingShows = state.canSend && conversation.support_status === 'active';
  // A private note can be written on any conversation: the chat's state and the 24-hour window do not matter.
  const [mode, setMode] = useState<ComposerMode>('reply');
  const noting = mode === 'note';
  const writable = noting || state.canSend;
  const fill = (text: string) => setDraft((current) => updateDraft(localStorage, user.id, student, current, text));
  const picker = useCannedPicker({ student, text: draft.text, onChoose: fill });

  const send = () => {
    const text = draft.text.trim();
    if (!writable || text === '' || inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    setError(null);
    (noting ? api.addNote(student, text) : api.sendMessage(student, text, draft.key))
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
    if (picker.onKeyDown(event)) return;
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
    <form className={noting ? 'composer composer-noting' : 'composer'} onSubmit={onSubmit} aria-label={`Reply to ${name}`}>
      <ComposerModeSwitch mode={mode} onMode={setMode} />
      <CannedReplyPicker picker={picker} id={`${reasonId}-canned`} />
      <label htmlFor={`${reasonId}-text`} className="visually-hidden">
        {noting ? `Private note on ${name}` : `Message to ${name}`}
      </label>
      <textarea
        id={`${reasonId}-text`}
        className="composer-text"
        rows={2}
        value={draft.text}
        placeholder={
          noting ? 'Write a private note: only the team sees it' : state.canSend ? 'Write a message, or / for a canned reply' : ''
        }
        disabled={!writable}
        aria-expanded={picker.open}
        aria-controls={picker.open ? `${reasonId}-canned` : undefined}
        aria-describedby={reasonId}
        onChange={(event) => {
          const text = event.target.value;
          setDraft((current) => updateDraft(localStorage, user.id, student, current, text));
          if (typingShows && !noting && text.trim() !== '') notifyTyping();
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button button-primary" disabled={!writable || sending || draft.text.trim() === ''}>
        {sending ? 'Sending…' : noting ? 'Add note' : 'Send'}
      </button>
      <div id={reasonId} className="composer-note">
        {noting ? (
          <span className="keyboard-hint">Only the team sees notes; the student never does. Enter adds it.</span>
        ) : state.canSend ? (
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
          {noting ? 'Note not added' : 'Not sent'}: {error}
        </p>
      )}
    </form>
  );
}
