import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Conversation, Message } from '../api/types';
import { useUser } from '../session/session';
import { useNow } from '../ui/use-now';
import { ChatActions } from './chat-actions';
import { Composer } from './composer';
import { MessageItem } from './message-item';
import { formatStudentKey, studentDetail, studentName } from './student';
import { SupportBadge } from './support-badge';
import { useThread } from './use-thread';
import { ConversationLabels } from '../labels/conversation-labels';
import { StudentDataActions } from '../student-data/student-data-actions';
import { ConversationConsent } from '../privacy/conversation-consent';

interface Props {
  /** The `{student}` of the address: phone digits or business-scoped user id. */
  student: string;
  /** The list's copy, shown until the thread's own arrives. */
  initial: Conversation | null;
  onBack(): void;
  onConversation(conversation: Conversation): void;
}

const NEAR = 48;

/**
 * A conversation's history and its send box. The view follows new messages while the admin is at the
 * bottom; scrolled up, it stays put and offers a jump to the newest. Scrolling to the top loads older ones
 * without moving what is on screen.
 */
export function ThreadView({ student, initial, onBack, onConversation }: Props) {
  const thread = useThread(student, initial);
  const { messages, conversation, hasOlder, loadingOlder, loadOlder } = thread;
  const user = useUser();
  const now = useNow();
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const shown = useRef<{ first?: string; last?: string; height: number; top: number }>({ height: 0, top: 0 });
  const [unseen, setUnseen] = useState(false);

  const toBottom = useCallback(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setUnseen(false);
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = messages[0]?.id;
    const last = messages.at(-1)?.id;
    const before = shown.current;
    if (before.last === undefined) el.scrollTop = el.scrollHeight;
    else if (first !== before.first && last === before.last) el.scrollTop = el.scrollHeight - before.height + before.top;
    else if (last !== before.last) {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
      else setUnseen(true);
    }
    shown.current = { first, last, height: el.scrollHeight, top: el.scrollTop };
  }, [messages]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR;
    if (atBottom.current) setUnseen(false);
    shown.current = { ...shown.current, height: el.scrollHeight, top: el.scrollTop };
    if (el.scrollTop < NEAR && hasOlder && !loadingOlder) loadOlder();
  };

  const changed = (next: Conversation) => {
    thread.setConversation(next);
    onConversation(next);
  };
  const sent = (message: Message) => {
    atBottom.current = true;
    thread.addMessage(message);
  };

  // Until the conversation has loaded, the address is all there is to name the student by.
  const name = conversation ? studentName(conversation) : formatStudentKey(student);
  const detail = conversation ? studentDetail(conversation) : null;
  return (
    <section className="thread" aria-label={`Conversation with ${name}`}>
      <header className="thread-header">
        <button type="button" className="button back-button" onClick={onBack} aria-label="Back to conversations">
          ←
        </button>
        <div className="thread-title">
          <h2>{name}</h2>
          {detail !== null && <span className="thread-phone">{detail}</span>}
          {conversation && <SupportBadge conversation={conversation} userId={user.id} />}
        </div>
        {conversation && <ChatActions key={conversation.support_status} conversation={conversation} now={now} onChanged={changed} />}
        {conversation && <ConversationLabels conversation={conversation} onChanged={changed} />}
        {conversation && <StudentDataActions conversation={conversation} onErased={onBack} />}
        {conversation && <ConversationConsent conversation={conversation} />}
      </header>
      <div className="thread-scroll" ref={scroller} onScroll={onScroll} tabIndex={0} aria-label="Message history">
        {hasOlder && (
          <button type="button" className="link-button load-older" onClick={loadOlder} disabled={loadingOlder}>
            {loadingOlder ? 'Loading older messages…' : 'Load older messages'}
          </button>
        )}
        {thread.loading && messages.length === 0 && <p className="muted">Loading messages…</p>}
        {thread.error && (
          <p role="alert" className="error-text">
            {thread.error}
          </p>
        )}
        <ol className="messages" role="log" aria-label="Messages" aria-live="polite">
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} studentName={name} now={now} />
          ))}
        </ol>
      </div>
      {unseen && (
        <button type="button" className="button new-messages" onClick={toBottom}>
          New messages ↓
        </button>
      )}
      {conversation && <Composer conversation={conversation} now={now} onSent={sent} />}
    </section>
  );
}
