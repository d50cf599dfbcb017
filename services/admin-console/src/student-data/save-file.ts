import type { DownloadedFile } from './student-data-api';

/** Hands a downloaded file to the browser as a download (the API needs a bearer token, so no plain link). */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A transcript opened from a blob inherits the console's content security policy, which refuses the page's
 * inline styles: the same styles are linked from the console's own origin instead (public/transcript.css).
 */
export function withConsoleStyles(html: string, origin: string): string {
  return html.replace('</head>', `<link rel="stylesheet" href="${origin}/transcript.css"></head>`);
}

/** Opens an HTML transcript in a new tab to read and print; a blocked pop-up falls back to a download. */
export async function openFile(file: DownloadedFile): Promise<void> {
  const html = withConsoleStyles(await file.blob.text(), window.location.origin);
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  // Not the noopener feature: with it window.open answers null even when the tab opened.
  const opened = window.open(url, '_blank');
  if (opened) opened.opener = null;
  else saveFile(file);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The browser's time zone, for transcripts read here. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
