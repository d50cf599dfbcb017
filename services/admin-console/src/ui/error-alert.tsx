/** A failure in words, announced to screen readers; nothing while there is none. */
export function ErrorAlert({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="error-text">
      {error}
    </p>
  );
}
