import { useEffect, useState, type KeyboardEvent } from 'react';
import { describeError } from '../api/api-error';
import type { RenderedCannedReply } from '../api/agent-tools-types';
import { useSession } from '../session/session';
import { cannedQueryOf, matchCannedReplies } from './canned-query';

export interface CannedPicker {
  open: boolean;
  loading: boolean;
  error: string | null;
  matches: RenderedCannedReply[];
  active: number;
  choose(reply: RenderedCannedReply): void;
  /** The box's keys while the picker is open (arrows, Enter, Escape); true when it took the key. */
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean;
}

/**
 * The composer's `/` picker: typing `/` (and a word) in an empty box lists the team's canned replies, rendered
 * for this student by admin-api, fetched once per thread when first asked for. Choosing one fills the box with
 * its text for editing (`onChoose`); nothing is sent.
 */
export function useCannedPicker({
  student,
  text,
  onChoose,
}: {
  student: string;
  text: string;
  onChoose(text: string): void;
}): CannedPicker {
  const { api } = useSession();
  const query = cannedQueryOf(text);
  const [replies, setReplies] = useState<RenderedCannedReply[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const wanted = query !== null && dismissed !== text;

  useEffect(() => {
    if (!wanted || replies !== null || error !== null) return;
    let current = true;
    api.renderedCannedReplies(student).then(
      (page) => current && setReplies(page.items),
      (failure: unknown) => current && setError(describeError(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, student, wanted, replies, error]);

  const matches = wanted && replies ? matchCannedReplies(replies, query ?? '') : [];
  const at = Math.min(active, Math.max(matches.length - 1, 0));
  const choose = (reply: RenderedCannedReply) => {
    setActive(0);
    onChoose(reply.text);
  };

  return {
    open: wanted,
    loading: wanted && replies === null && error === null,
    error: wanted ? error : null,
    matches,
    active: at,
    choose,
    onKeyDown(event) {
      if (!wanted) return false;
      if (event.key === 'Escape') setDismissed(text);
      else if (event.key === 'ArrowDown') setActive((at + 1) % Math.max(matches.length, 1));
      else if (event.key === 'ArrowUp') setActive((at - 1 + matches.length) % Math.max(matches.length, 1));
      else if ((event.key === 'Enter' || event.key === 'Tab') && matches[at]) choose(matches[at]);
      else return false;
      event.preventDefault();
      return true;
    },
  };
}
