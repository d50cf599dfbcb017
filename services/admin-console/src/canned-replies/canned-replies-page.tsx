import '../notes/agent-tools.css';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/api-error';
import type { CannedReply } from '../api/agent-tools-types';
import { useSession } from '../session/session';
import { EditDeleteActions } from '../ui/edit-delete-actions';
import { ErrorAlert } from '../ui/error-alert';
import { useManageList } from '../ui/use-manage-list';
import { CannedReplyForm } from './canned-reply-form';

/** Admins only: the team's canned replies (agents pick them in the composer by typing /). */
export function CannedRepliesPage() {
  const { api } = useSession();
  const [replies, setReplies] = useState<CannedReply[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    api.listCannedReplies().then(
      (answer) => setReplies(answer.items),
      (failure: unknown) => setError(describeError(failure)),
    );
  }, [api]);
  useEffect(reload, [reload]);
  const { editing, setEditing, confirming, setConfirming, failure, saved, remove } = useManageList(reload);

  return (
    <section className="canned-replies card" aria-labelledby="canned-heading">
      <h1 id="canned-heading">Canned replies</h1>
      <ErrorAlert error={error ?? failure} />
      <h2>Add a canned reply</h2>
      <CannedReplyForm submitLabel="Add canned reply" onSubmit={(value) => saved(api.createCannedReply(value))} />
      <h2>The team's canned replies</h2>
      {replies === null && !error && <p className="muted">Loading canned replies…</p>}
      {replies?.length === 0 && <p className="muted">No canned replies yet.</p>}
      <ul className="manage-list">
        {(replies ?? []).map((reply) => (
          <li key={reply.id} className="card" data-canned-reply-id={reply.id}>
            {editing === reply.id ? (
              <CannedReplyForm
                initial={reply}
                submitLabel="Save canned reply"
                onCancel={() => setEditing(null)}
                onSubmit={(value) => saved(api.updateCannedReply(reply.id, value))}
              />
            ) : (
              <div className="manage-item">
                <div>
                  <strong className="canned-shortcut">/{reply.shortcut}</strong> {reply.title}
                  <p className="message-text">{reply.body}</p>
                </div>
                <EditDeleteActions
                  name={`/${reply.shortcut}`}
                  ariaName={`/${reply.shortcut}`}
                  confirming={confirming === reply.id}
                  onEdit={() => setEditing(reply.id)}
                  onAskDelete={() => setConfirming(reply.id)}
                  onDelete={() => remove(api.deleteCannedReply(reply.id))}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
