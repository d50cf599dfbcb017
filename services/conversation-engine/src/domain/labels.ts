import type { LabelView } from '@app/contracts';

/** A conversation's labels as its view's JSON column gives them; anything malformed is left out. */
export function labelViews(value: unknown): LabelView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { id, name, colour } = item as Record<string, unknown>;
    return typeof id === 'string' && typeof name === 'string' && typeof colour === 'string' ? [{ id, name, colour }] : [];
  });
}
