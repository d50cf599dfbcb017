import type { Label } from '../api/agent-tools-types';
import type { Conversation } from '../api/types';
import { useSession } from '../session/session';
import { ErrorAlert } from '../ui/error-alert';
import { useConversationCommand } from '../ui/use-conversation-command';
import { studentKey } from '../conversations/student';
import { LabelChips } from './label-chips';
import { useLabels } from './use-labels';

/** The open thread's labels: each can be taken off, and any other label of the set put on. */
export function ConversationLabels({
  conversation,
  onChanged,
}: {
  conversation: Conversation;
  onChanged(conversation: Conversation): void;
}) {
  const { api } = useSession();
  const { labels } = useLabels();
  const { busy, error, run } = useConversationCommand(onChanged);
  const student = studentKey(conversation);
  const carried = conversation.labels ?? [];
  const offered = labels.filter((label) => !carried.some((c) => c.id === label.id));

  return (
    <div className="conversation-labels">
      <LabelChips labels={carried} busy={busy} onRemove={(label: Label) => run(api.removeConversationLabel(student, label.id))} />
      {offered.length > 0 && (
        <label>
          <span className="visually-hidden">Add a label</span>
          <select
            value=""
            disabled={busy}
            onChange={(event) => event.target.value && run(api.addConversationLabel(student, event.target.value))}
          >
            <option value="">+ Label</option>
            {offered.map((label) => (
              <option key={label.id} value={label.id}>
                {label.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
