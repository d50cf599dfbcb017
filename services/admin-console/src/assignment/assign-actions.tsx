import { useId, useState } from 'react';
import type { Conversation } from '../api/types';
import { studentKey } from '../conversations/student';
import { useSession, useUser } from '../session/session';
import { ErrorAlert } from '../ui/error-alert';
import { useConversationCommand } from '../ui/use-conversation-command';
import { AVAILABILITY_LABEL } from './types';
import { useAgents } from './use-agents';
import './assignment.css';

interface Props {
  conversation: Conversation;
  onChanged(conversation: Conversation): void;
}

/**
 * In a thread's chat actions: an admin gives the chat to a named agent (a waiting one is taken, the student
 * told who joined; an active one transferred silently), and the assignee (or an admin) hands it back to the
 * queue. Offline agents are not offered (nobody would see the chat); a full agent may still be chosen.
 */
export function AssignActions({ conversation, onChanged }: Props) {
  const { api } = useSession();
  const me = useUser();
  const { items } = useAgents({ followLoad: true });
  const [target, setTarget] = useState('');
  const [picking, setPicking] = useState(false);
  const { busy, error, run } = useConversationCommand(onChanged);
  const selectId = useId();
  const status = conversation.support_status;
  if (status !== 'waiting' && status !== 'active') return null;
  const assignee = conversation.assigned_to?.id ?? null;
  const choices = items.filter((agent) => agent.availability !== 'offline' && agent.id !== assignee);
  const canHandBack = status === 'active' && (assignee === me.id || me.role === 'admin');
  const student = studentKey(conversation);

  const act = (call: Promise<{ conversation: Conversation }>) =>
    run(call, () => {
      setTarget('');
      setPicking(false);
    });

  return (
    <div className="assign-controls">
      {me.role === 'admin' && !picking && (
        <button type="button" className="button" disabled={busy} onClick={() => setPicking(true)}>
          {status === 'waiting' ? 'Assign…' : 'Transfer…'}
        </button>
      )}
      {me.role === 'admin' && picking && (
        <>
          <label htmlFor={selectId} className="visually-hidden">
            {status === 'waiting' ? 'Assign the chat to' : 'Transfer the chat to'}
          </label>
          <select id={selectId} value={target} disabled={busy} onChange={(event) => setTarget(event.target.value)}>
            <option value="">{status === 'waiting' ? 'Assign to…' : 'Transfer to…'}</option>
            {choices.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name} ({AVAILABILITY_LABEL[agent.availability].toLowerCase()}, {agent.active_chats}/{agent.capacity})
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={busy || target === ''} onClick={() => act(api.assignChat(student, target))}>
            {status === 'waiting' ? 'Assign' : 'Transfer'}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setPicking(false)}>
            Cancel
          </button>
        </>
      )}
      {canHandBack && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => act(api.handBackChat(student))}
          title="Back to the queue, for another agent"
        >
          Hand back
        </button>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
