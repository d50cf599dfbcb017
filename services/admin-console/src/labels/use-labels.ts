import { useEffect, useState } from 'react';
import { describeError } from '../api/api-error';
import type { Label } from '../api/agent-tools-types';
import { useSession } from '../session/session';

/** The team's label set, loaded once per mount (it changes rarely; a reload shows an admin's edits). */
export function useLabels(): { labels: Label[]; error: string | null; reload(): void } {
  const { api } = useSession();
  const [labels, setLabels] = useState<Label[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    api.listLabels().then(
      (page) => {
        if (!current) return;
        setLabels(page.items);
        setError(null);
      },
      (failure: unknown) => current && setError(describeError(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, generation]);
  return { labels, error, reload: () => setGeneration((g) => g + 1) };
}
