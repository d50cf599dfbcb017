import { useState } from 'react';
import { describeError } from '../api/api-error';
import type { Conversation } from '../api/types';

/**
 * A command on the open thread's conversation (assign, hand back, put a label on...): busy while it runs;
 * the conversation it answers goes to `onChanged`, a refusal is kept in words.
 */
export function useConversationCommand(onChanged: (conversation: Conversation) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (call: Promise<{ conversation: Conversation }>, onDone?: () => void) => {
    setBusy(true);
    setError(null);
    call.then(
      (answer) => {
        onChanged(answer.conversation);
        onDone?.();
        setBusy(false);
      },
      (failure: unknown) => {
        setError(describeError(failure));
        setBusy(false);
      },
    );
  };
  return { busy, error, run };
}
